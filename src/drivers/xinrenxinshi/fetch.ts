import type { FetchContext } from "../driver.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import type { VendorRequest } from "../../model/request.js";
import { API, LIST_STATUS } from "./api.js";
import { CATALOG, type Catalog } from "./facts.js";
import { DEPARTMENT } from "./kinds/department-model.js";
import { readDepartments, readDepartmentTypes, toDisabled, toLive } from "./wire.js";

/** `/v5/department/list` for the whole company in one department status (the list has no paging). */
export function listRequest(status: number): VendorRequest {
  return { method: "POST", path: API.departmentList, body: status === LIST_STATUS.normal ? {} : { status }, bucket: API.departmentList };
}

export const TYPES_REQUEST: VendorRequest = { method: "POST", path: API.departmentTypes, body: {}, bucket: API.departmentTypes };

/**
 * Every normal department of the company (one flat list; the tree comes from `parentId`), plus,
 * for `check`, the type list and the disabled departments. A disabled department that the
 * normal list also returns is active, not disabled: the vendor may ignore `status` (unverified).
 */
export async function fetchDepartments(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  if (!scope.some((s) => s.kind === DEPARTMENT)) return [];
  const [normal, disabled, types] = await Promise.all([
    ctx.call(listRequest(LIST_STATUS.normal)).then(readDepartments),
    ctx.call(listRequest(LIST_STATUS.disabled)).then(readDepartments),
    ctx.call(TYPES_REQUEST).then(readDepartmentTypes),
  ]);
  const active = new Set(normal.map((d) => d.departmentId));
  const catalog: Catalog = {
    types: new Map(types.map((t) => [t.departType, t.departTypeName ?? ""])),
    disabled: new Map(toDisabled(disabled.filter((d) => !active.has(d.departmentId))).map((d) => [d.code, d])),
  };
  ctx.facts.set(CATALOG, catalog);
  return toLive(ctx.target, normal);
}

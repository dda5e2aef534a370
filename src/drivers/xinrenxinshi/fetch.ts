import type { FetchContext } from "../driver.js";
import { DriverError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { CATALOG, fieldKind, type Catalog, type FieldDefinition } from "./catalog.js";
import { CUSTOM_PREFIX, DEPARTMENT, keyOfDepartment, textOrNull } from "./kinds/department-model.js";

export const LIST_PATH = "/v5/department/list";
export const TYPE_LIST_PATH = "/v5/department/depttype/list";
/** Not in the public docs: modelled on `/v5/employee/fields/setting` (see docs/drivers/xinrenxinshi.md). */
export const FIELD_SETTING_PATH = "/v5/department/fields/setting";
export const CITY_LIST_PATH = "/v5/common/citys";

interface DepartmentModel {
  departmentId: string;
  name?: string;
  code?: string;
  parentId?: string;
  type?: number;
  adminId?: string;
  hrbpId?: string;
  city?: string;
  remark?: string;
  fields?: Record<string, unknown> | null;
}

interface Envelope<T> {
  data?: T;
}

/**
 * Every department of the company in one call (the list is flat; the tree comes from
 * `parentId`), with the type list and the custom-field settings read alongside it. The area
 * list is read only when a custom field takes a region.
 */
export async function fetchDepartments(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  if (!scope.some((s) => s.kind === DEPARTMENT)) return [];
  const post = async <T>(path: string): Promise<T | undefined> =>
    ((await ctx.call({ method: "POST", path, body: {}, bucket: path })) as Envelope<T>).data;
  const [list, types, fields] = await Promise.all([
    post<DepartmentModel[]>(LIST_PATH),
    post<{ departType: number; departTypeName?: string }[]>(TYPE_LIST_PATH),
    readFieldSettings(ctx),
  ]);
  if (!Array.isArray(list)) throw new DriverError("xinrenxinshi", "unknown", undefined, "department list answer has no data list", { path: LIST_PATH });
  const catalog: Catalog = { types: new Map((types ?? []).map((t) => [Number(t.departType), String(t.departTypeName ?? "")])) };
  if (fields) {
    catalog.fields = fields;
    if ([...fields.values()].some((f) => f.kind === "city" || f.kind === "district")) {
      const areas = (await post<{ id: number | string; type: number }[]>(CITY_LIST_PATH)) ?? [];
      const codes = (type: number) => new Set(areas.filter((a) => Number(a.type) === type).map((a) => String(a.id)));
      catalog.regions = { city: codes(3), district: codes(4) };
    }
  }
  ctx.facts.set(CATALOG, catalog);
  return toLive(ctx.target, list);
}

/** The tenant's department custom fields; undefined when the tenant does not offer the call. */
async function readFieldSettings(ctx: FetchContext): Promise<Map<string, FieldDefinition> | undefined> {
  let answer: unknown;
  try {
    answer = await ctx.call({ method: "POST", path: FIELD_SETTING_PATH, body: {}, bucket: FIELD_SETTING_PATH });
  } catch (err) {
    // The call is undocumented: a tenant that refuses it leaves custom fields to the vendor's own checks.
    if (err instanceof DriverError && (err.failure === "notFound" || err.failure === "invalid" || err.failure === "permission")) return undefined;
    throw err;
  }
  const rows = (answer as Envelope<Record<string, unknown>[]>).data;
  if (!Array.isArray(rows)) return undefined;
  const out = new Map<string, FieldDefinition>();
  for (const row of rows) {
    const name = String(row["fieldName"] ?? "");
    if (!name) continue;
    const def: FieldDefinition = { name, kind: fieldKind(row["fieldType"]) };
    if (typeof row["maxLength"] === "number") def.maxLength = row["maxLength"];
    if (Array.isArray(row["options"])) def.options = (row["options"] as { optionValue?: unknown }[]).map((o) => String(o.optionValue ?? ""));
    out.set(name, def);
  }
  return out;
}

function toLive(target: string, list: DepartmentModel[]): LiveResource[] {
  const byId = new Map(list.map((d) => [d.departmentId, d]));
  return list.map((d) => {
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    const fields: Record<string, unknown> = {
      name: d.name ?? "",
      parent: d.parentId ? (parent ? keyOfDepartment(parent) : `#${d.parentId}`) : null,
      type: typeof d.type === "number" ? d.type : Number(d.type ?? 0),
      adminId: textOrNull(d.adminId),
      hrbpId: textOrNull(d.hrbpId),
      city: textOrNull(d.city),
      remark: textOrNull(d.remark),
    };
    for (const [name, value] of Object.entries(d.fields ?? {})) {
      const text = textOrNull(value);
      if (text !== null) fields[`${CUSTOM_PREFIX}${name}`] = text;
    }
    return { target, kind: DEPARTMENT, key: keyOfDepartment(d), fields, ids: { departmentId: d.departmentId } };
  });
}

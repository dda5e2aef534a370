import type { CompileContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import type { VendorRequest } from "../../../model/request.js";
import { createBody, updateBody } from "./department-body.js";
import { CREATE_PATH, CUSTOM_PREFIX, DELETE_PATH, DEPARTMENT, TEXT_FIELDS, textOrNull, UPDATE_PATH } from "./department-model.js";
import { departmentOrg } from "../org.js";
import type { DepartmentItem } from "./department.item.js";

export const department: KindSpec<DepartmentItem> = {
  org: departmentOrg,
  kind: DEPARTMENT,
  keyField: "code",
  schema: "kinds/xinrenxinshi.Department.schema.json",
  fields: {
    name: { type: "scalar" },
    parent: { type: "scalar", ref: DEPARTMENT, linkedById: true },
    type: { type: "scalar" },
    adminId: { type: "scalar" },
    hrbpId: { type: "scalar" },
    city: { type: "scalar" },
    remark: { type: "scalar" },
    // Custom fields, flattened: `fields.<display name>`.
    "fields.*": { type: "scalar" },
  },
  pins: ["departmentId"],
  listable: true,
  create: true,
  delete: true,
  // "只支持单线程更新" (department/update_v5.html): one department write at a time per tenant.
  serialWrites: true,

  toCanonical(item) {
    // `parent` is managed when the item names it; `parent: null` puts the department at the top.
    const fields: Record<string, unknown> = {};
    if (item.parent !== undefined) fields["parent"] = item.parent;
    if (item.name !== undefined) fields["name"] = item.name;
    if (item.type !== undefined) fields["type"] = item.type;
    for (const f of TEXT_FIELDS) if (item[f] !== undefined) fields[f] = textOrNull(item[f]);
    for (const [name, value] of Object.entries(item.fields ?? {})) fields[`${CUSTOM_PREFIX}${name}`] = textOrNull(value);
    const pins: Record<string, unknown> = {};
    if (item.departmentId !== undefined) pins["departmentId"] = item.departmentId;
    return { key: String(item.code), fields, pins };
  },

  toItem(live: LiveResource) {
    // A department without a code keeps its `#<departmentId>` key, so a re-plan matches it.
    const item: Record<string, unknown> = { code: live.key, departmentId: live.ids["departmentId"] };
    item["name"] = live.fields["name"];
    const parent = live.fields["parent"];
    if (typeof parent === "string") item["parent"] = parent;
    item["type"] = live.fields["type"];
    for (const f of TEXT_FIELDS) if (live.fields[f] !== null && live.fields[f] !== undefined) item[f] = live.fields[f];
    const custom = Object.entries(live.fields).filter(([k, v]) => k.startsWith(CUSTOM_PREFIX) && v !== null);
    if (custom.length) item["fields"] = Object.fromEntries(custom.map(([k, v]) => [k.slice(CUSTOM_PREFIX.length), v]));
    return item;
  },

  compile(action: Action, ctx: CompileContext): VendorRequest[] {
    if (action.op === "create") {
      // A create sent twice would make two departments (if the code did not stop it): never repeated blindly.
      return [{ method: "POST", path: CREATE_PATH, body: createBody(action, ctx), bucket: CREATE_PATH, capture: { departmentId: "data.id" }, retrySafe: false }];
    }
    const live = ctx.live(DEPARTMENT, action.key);
    if (!live) throw new Error(`${action.id}: the department is not in the live state`);
    if (action.op === "update") return [{ method: "POST", path: UPDATE_PATH, body: updateBody(action, live, ctx), bucket: UPDATE_PATH }];
    return [{ method: "POST", path: DELETE_PATH, body: { departmentId: live.ids["departmentId"] }, bucket: DELETE_PATH }];
  },
};

import type { CompileContext } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import { CUSTOM_PREFIX, DEPARTMENT } from "./department-model.js";

type Body = Record<string, unknown>;

/** The scalar changes of an action as field → new value. */
function afterValues(action: Action): Map<string, unknown> {
  return new Map(action.changes.map((c) => [c.field, c.after ?? null]));
}

/** The vendor id to send for a parent key (a department without a code is keyed `#<id>`). */
function parentId(parent: string, ctx: CompileContext): unknown {
  return parent.startsWith("#") ? parent.slice(1) : ctx.idOf(DEPARTMENT, parent, "departmentId");
}

/**
 * Custom fields to send: only those the action changes, which are fields the manifest names.
 * A field the manifest clears with null is sent as "" (what "" does is unverified: the SDK never
 * sends it and the pages do not say); on create a cleared field is simply left out.
 */
function customFields(changed: Iterable<[string, unknown]>, clearWith: "" | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [field, value] of changed) {
    if (!field.startsWith(CUSTOM_PREFIX)) continue;
    const name = field.slice(CUSTOM_PREFIX.length);
    if (value !== null && value !== undefined && value !== "") out[name] = String(value);
    else if (clearWith !== undefined) out[name] = clearWith;
  }
  return Object.keys(out).length ? out : undefined;
}

/** `/v5/department/create`: the managed fields the item sets, in the vendor's documented order. */
export function createBody(action: Action, ctx: CompileContext): Body {
  const after = afterValues(action);
  const present = (f: string) => after.get(f) !== undefined && after.get(f) !== null;
  const body: Body = { name: after.get("name"), code: action.key };
  const parent = after.get("parent");
  if (typeof parent === "string") body["parentId"] = parentId(parent, ctx);
  for (const f of ["type", "adminId", "hrbpId", "city", "remark"]) if (present(f)) body[f] = after.get(f);
  const fields = customFields(after, undefined);
  if (fields) body["fields"] = fields;
  return body;
}

/**
 * `/v5/department/update`: the live department with the action's changes applied, in the key
 * order of the vendor's documented example (department/update_v5.html). The vendor clears the
 * head when `adminId` is missing, so the live head is always sent unless the plan clears it.
 * Other empty values are left out (the SDK never sends empty strings); "" is sent only for a
 * field the manifest clears with null, and `parentId: ""` only when the manifest sets
 * `parent: null` (both unverified). Custom fields: only the ones the plan changes, never the
 * live values of fields the manifest does not name.
 */
export function updateBody(action: Action, live: LiveResource, ctx: CompileContext): Body {
  const after = afterValues(action);
  const merged = new Map<string, unknown>([...Object.entries(live.fields), ...after]);
  const value = (f: string) => merged.get(f) ?? null;
  // A department without a code is keyed `#<departmentId>`; that key is never written as its code.
  const body: Body = action.key.startsWith("#") ? {} : { code: action.key };
  const text = (f: string) => {
    const v = value(f);
    if (v !== null && v !== "") body[f] = v;
    else if (after.has(f)) body[f] = "";
  };
  text("city");
  body["departmentId"] = live.ids["departmentId"];
  body["name"] = value("name");
  const parent = value("parent");
  if (typeof parent === "string") body["parentId"] = parentId(parent, ctx);
  else if (after.has("parent")) body["parentId"] = "";
  const admin = value("adminId");
  if (admin !== null && admin !== "") body["adminId"] = admin;
  text("hrbpId");
  text("remark");
  if (value("type") !== null) body["type"] = value("type");
  // In the order the live department lists its fields, new ones after them.
  const fields = customFields([...merged].filter(([f]) => after.has(f)), "");
  if (fields) body["fields"] = fields;
  return body;
}

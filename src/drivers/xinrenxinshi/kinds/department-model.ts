import { API } from "../api.js";

/** Names and value rules shared by the department kind, its request bodies and fetch. */

export const DEPARTMENT = "xinrenxinshi.Department";
export const CREATE_PATH = API.departmentCreate;
export const UPDATE_PATH = API.departmentUpdate;
export const DELETE_PATH = API.departmentDelete;
/** Canonical custom fields are flattened to `fields.<display name>` so plans show each one. */
export const CUSTOM_PREFIX = "fields.";
/** Optional text fields: an empty string and null both mean "no value". */
export const TEXT_FIELDS = ["adminId", "hrbpId", "city", "remark"] as const;

/** A department's key: its code, or `#<departmentId>` for a department that has no code. */
export function keyOfDepartment(d: { departmentId: string; code?: string | null }): string {
  return d.code ? d.code : `#${d.departmentId}`;
}

export function textOrNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value);
  return text === "" ? null : text;
}

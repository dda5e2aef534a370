import { Ajv, type ValidateFunction } from "ajv";

/** Jiandaoyun list answers as orgform reads them; the vendor may add fields, so extra ones pass. */
export interface WireRoleGroup {
  group_no: number;
  name: string;
  type?: number;
  status?: number;
  integrate_id?: string;
}

export interface WireRole {
  role_no: number;
  /** Documented as optional in the answer; a role without one belongs to no listed group. */
  group_no?: number;
  name: string;
  type?: number;
  status?: number;
  integrate_id?: string;
}

export interface WireUser {
  username: string;
  name?: string;
}

const ajv = new Ajv({ allErrors: false, strict: false });

const listOf = (field: string, required: string[], properties: Record<string, object>): ValidateFunction =>
  ajv.compile({
    type: "object",
    required: [field],
    properties: { [field]: { type: "array", items: { type: "object", required, properties } } },
  });

const checkGroups = listOf("role_groups", ["group_no", "name"], { group_no: { type: "integer" }, name: { type: "string" }, type: { type: "integer" } });
const checkRoles = listOf("roles", ["role_no", "name"], { role_no: { type: "integer" }, group_no: { type: "integer" }, name: { type: "string" }, type: { type: "integer" } });
const checkUsers = listOf("users", ["username"], { username: { type: "string" } });

/** The page's objects, or what is wrong with the answer. */
function read<T>(check: ValidateFunction, field: string, data: unknown): T[] | string {
  if (check(data)) return (data as Record<string, T[]>)[field] ?? [];
  const e = check.errors?.[0];
  return `${e?.instancePath || "the body"} ${e?.message ?? "is invalid"}`;
}

export const readRoleGroups = (data: unknown) => read<WireRoleGroup>(checkGroups, "role_groups", data);
export const readRoles = (data: unknown) => read<WireRole>(checkRoles, "roles", data);
export const readUsers = (data: unknown) => read<WireUser>(checkUsers, "users", data);

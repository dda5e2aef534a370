import { answerSchema, readAnswer, type AnswerSchema } from "../kit/wire.js";

/**
 * Jiandaoyun answers as orgform reads them (help.jodoo.com/open/18529, /open/18522,
 * /open/18526; jiandaoyun/api-demo `go/model/role.go`, `go/model/role_group.go`). The vendor
 * may add fields, so extra ones pass.
 */
export interface WireRoleGroup {
  group_no: number;
  name: string;
  /** 0 regular, 2 cross-company external. */
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
  /** 0 invited, not yet joined; 1 joined. Departed members are not listed at all. */
  status?: number;
}

const listOf = <T>(what: string, field: string, required: string[], properties: Record<string, object>): AnswerSchema<Record<string, T[]>> =>
  answerSchema(what, {
    type: "object",
    required: [field],
    properties: { [field]: { type: "array", items: { type: "object", required, properties } } },
  });

export const roleGroupPage = listOf<WireRoleGroup>("role group list page", "role_groups", ["group_no", "name"], {
  group_no: { type: "integer" },
  name: { type: "string" },
  type: { type: "integer" },
});
export const rolePage = listOf<WireRole>("role list page", "roles", ["role_no", "name"], {
  role_no: { type: "integer" },
  group_no: { type: "integer" },
  name: { type: "string" },
  type: { type: "integer" },
});
export const userPage = listOf<WireUser>("role member list page", "users", ["username"], { username: { type: "string" }, status: { type: "integer" } });

/** One list page's objects; a malformed page is a DriverError naming the call. */
export function readPage<T>(schema: AnswerSchema<Record<string, T[]>>, field: string, data: unknown, path: string): T[] {
  return readAnswer("jiandaoyun", schema, data, { method: "POST", path })[field] ?? [];
}

export const readRoleGroups = (data: unknown, path: string) => readPage(roleGroupPage, "role_groups", data, path);
export const readRoles = (data: unknown, path: string) => readPage(rolePage, "roles", data, path);
export const readUsers = (data: unknown, path: string) => readPage(userPage, "users", data, path);

/** The body as a JSON object, `"empty"` for no body or `null`, or undefined for anything else. */
export function readBody(raw: string): Record<string, unknown> | "empty" | undefined {
  if (raw.trim() === "") return "empty";
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (value === null) return "empty";
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An error answer's `{code, msg}` (the lava-jiandaoyun client also reads `message`). */
export function readError(body: Record<string, unknown> | undefined): { code?: number; msg?: string } {
  const code = body?.["code"];
  const msg = body?.["msg"] ?? body?.["message"];
  return { code: typeof code === "number" ? code : undefined, msg: typeof msg === "string" ? msg : undefined };
}

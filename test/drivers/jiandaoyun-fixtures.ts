import type { JdyRole, JdyRoleGroup, JdyUser, JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { manifestDir } from "../helpers/orgform.js";

/** Shared fixtures for the Jiandaoyun driver tests: one company, one target, manifests from plain objects. */
export const API_KEY = "jdy-key-3b8d21f0c4";
export const ENV = { JDY_API_KEY: API_KEY };
export const API = "/api/v5/corp";

export const usernames = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);

export function users(names: string[]): JdyUser[] {
  return names.map((username) => ({ username, name: username.toUpperCase(), departments: [1] }));
}

export function group(group_no: number, name: string, extra: Partial<JdyRoleGroup> = {}): JdyRoleGroup {
  return { group_no, name, type: 0, status: 1, ...extra };
}

export function role(role_no: number, group_no: number, name: string, members: string[] = [], extra: Partial<JdyRole> = {}): JdyRole {
  return { role_no, group_no, name, members, ...extra };
}

/** An emulator state with one Jiandaoyun company. */
export function company(parts: Partial<JiandaoyunSection> = {}): { jiandaoyun: JiandaoyunSection } {
  return { jiandaoyun: { apiKeys: [API_KEY], mode: "public", roleGroups: [], roles: [], users: users(usernames(10)), ...parts } };
}

export interface Manifest {
  groups?: Record<string, unknown>[];
  roles?: Record<string, unknown>[];
  /** Extra lines for the Target document (policy, limits). */
  target?: string[];
}

/** A manifest folder for target `jdy` at the emulator (YAML accepts the JSON the items are written in). */
export function manifests(url: string, m: Manifest): string {
  const files: Record<string, string> = {
    "target.yaml": ["apiVersion: orgform/v1", "kind: Target", "name: jdy", "driver: jiandaoyun", `endpoint: ${url}/jiandaoyun`, "credentials:", "  apiKey: ${JDY_API_KEY}", ...(m.target ?? [])].join("\n"),
  };
  if (m.groups) files["groups.yaml"] = ["apiVersion: orgform/v1", "kind: jiandaoyun.RoleGroup", "target: jdy", `items: ${JSON.stringify(m.groups)}`].join("\n");
  if (m.roles) files["roles.yaml"] = ["apiVersion: orgform/v1", "kind: jiandaoyun.Role", "target: jdy", `items: ${JSON.stringify(m.roles)}`].join("\n");
  return manifestDir(files);
}

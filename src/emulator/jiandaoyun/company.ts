import { fail } from "./answers.js";
import type { EmuResponse } from "../vendor.js";
import type { JdyRole, JdyRoleGroup, JiandaoyunSection } from "./state.js";

/** Longest role or role-group name (1207). */
const NAME_MAX = 24;
/** Most objects one role or role-group list page serves by default (not published). */
const LIST_PAGE_MAX = 100;
/** Largest page of role/user/list (the third-party reference copy of the docs). */
const MEMBER_PAGE_MAX = 10_000;

/** The company's objects with the rules every handler shares. */
export class Company {
  constructor(readonly state: JiandaoyunSection) {}

  /** Role and role-group numbers come from one sequence, as the vendor's examples suggest. */
  nextNo(): number {
    const used = [...this.state.roleGroups.map((g) => g.group_no), ...this.state.roles.map((r) => r.role_no)];
    return Math.max(2500, ...used) + 1;
  }

  /** The largest role or role-group page, as the state sets it. */
  listPageMax(): number {
    return this.state.limits?.pageSize ?? LIST_PAGE_MAX;
  }

  memberPageMax(): number {
    return this.state.limits?.memberPageSize ?? MEMBER_PAGE_MAX;
  }

  group(no: number): JdyRoleGroup | undefined {
    return this.state.roleGroups.find((g) => g.group_no === no);
  }

  role(no: number): JdyRole | undefined {
    return this.state.roles.find((r) => r.role_no === no);
  }

  /** The name, or the failure for a missing or over-long one. */
  checkName(value: unknown, what: string): string | EmuResponse {
    if (typeof value !== "string" || value.trim() === "") return fail(1203, `${what} name is required`);
    if ([...value].length > NAME_MAX) return fail(1207, `${what} name is longer than ${NAME_MAX} characters`);
    return value;
  }

  groupView(g: JdyRoleGroup): Record<string, unknown> {
    return { group_no: g.group_no, name: g.name, type: g.type, status: g.status, ...this.integrateId(g.synced, `g${g.group_no}`) };
  }

  roleView(r: JdyRole): Record<string, unknown> {
    return { role_no: r.role_no, group_no: r.group_no, name: r.name, type: r.type ?? 0, status: 1, ...this.integrateId(r.synced, `r${r.role_no}`) };
  }

  /** Synced objects carry the directory's id, and only in integrate mode. */
  private integrateId(synced: boolean | undefined, id: string): Record<string, unknown> {
    return synced && this.state.mode === "integrate" ? { integrate_id: `ding-${id}` } : {};
  }
}

export const SYNCED_REFUSAL = (what: string) => fail(1202, `cannot operate a synchronized ${what}`);

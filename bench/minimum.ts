import type { Action } from "../src/model/plan.js";
import type { LiveCounts, Vendor } from "./generate.js";

/**
 * The fewest vendor calls a fetch or an apply can make, worked out from the page, batch and
 * chunk sizes the drivers declare (read from the drivers' own modules, so a driver that changes
 * a size changes the minimum too) and from what each vendor's API returns.
 */
export interface DriverSizes {
  dingtalkMemberPage: number;
  dingtalkMemberChunk: number;
  isdpPersonPage: number;
  isdpPersonBatch: number;
  jiandaoyunListPage: number;
  jiandaoyunMemberPage: number;
  jiandaoyunMemberChunk: number;
  o2oaPage: number;
}

/** Pages of a listing that reports its total (or has_more): ceil(n / page), and one call for an empty list. */
function pagesWithTotal(n: number, page: number): number {
  return Math.max(1, Math.ceil(n / page));
}

/** Pages of a listing that reports no total: reading stops at the first short page, so a full last page costs one more call. */
function pagesUntilShort(n: number, page: number): number {
  return Math.floor(n / page) + 1;
}

/**
 * Fetch, per vendor. Token calls count: one per vendor that issues tokens (Jiandaoyun takes an
 * API key). Rules:
 * - DingTalk: no listing of punch groups, so each named group is read; its member list answers
 *   `has_more`: ceil(members / page) calls, at least one.
 * - ISDP: getPersonList answers `totalCount`: ceil(active persons / page).
 * - Xinrenxinshi: the department list is one call (not paged); the department types and the
 *   custom-field settings are one call each (no custom field takes a region, so no city list).
 * - Jiandaoyun: role groups and roles are listed twice (self-built, synced: the vendor's only
 *   way to tell them apart), and members once per role; these lists have no total, so the
 *   fewest calls stop at the first short page (the driver does once the path has served a
 *   longer page, see ServedPages in its fetch.ts).
 * - O2OA: units, attributes, duties and identities are four keyset listings whose answer
 *   carries the total (`count`), so ceil(n / 200) calls each.
 */
export function fetchMinimum(live: LiveCounts, sizes: DriverSizes, vendors: readonly Vendor[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of vendors) {
    switch (v) {
      case "dingtalk":
        out[v] = 1 + live.dingtalkGroupMembers.reduce((n, m) => n + pagesWithTotal(m, sizes.dingtalkMemberPage), 0);
        break;
      case "isdp":
        out[v] = 1 + pagesWithTotal(live.isdpActive, sizes.isdpPersonPage);
        break;
      case "xinrenxinshi":
        out[v] = 1 + 3;
        break;
      case "jiandaoyun":
        out[v] =
          pagesUntilShort(live.jiandaoyunGroups.own, sizes.jiandaoyunListPage) +
          pagesUntilShort(live.jiandaoyunGroups.synced, sizes.jiandaoyunListPage) +
          pagesUntilShort(live.jiandaoyunRoles.own, sizes.jiandaoyunListPage) +
          pagesUntilShort(live.jiandaoyunRoles.synced, sizes.jiandaoyunListPage) +
          live.jiandaoyunRoleMembers.reduce((n, m) => n + pagesUntilShort(m, sizes.jiandaoyunMemberPage), 0);
        break;
      case "o2oa":
        out[v] = 1 + pagesWithTotal(live.o2oa.units, sizes.o2oaPage) + pagesWithTotal(live.o2oa.attributes, sizes.o2oaPage) + pagesWithTotal(live.o2oa.duties, sizes.o2oaPage) + pagesWithTotal(live.o2oa.identities, sizes.o2oaPage);
        break;
    }
  }
  return out;
}

/**
 * Apply, per vendor, for the plan's actions (the token is still valid from fetch: no token call).
 * - ISDP: batchAdd, batchUpdatePerson and batchDeregisterPerson carry `isdpPersonBatch` persons.
 * - DingTalk: one member/update carries up to a chunk of additions and a chunk of removals.
 * - Jiandaoyun: one call per role-group or role create, rename, move or delete; add_members and
 *   remove_members carry a chunk of usernames each.
 * - Xinrenxinshi and O2OA: one call per action (neither has a batch API).
 */
export function applyMinimum(actions: Action[], sizes: DriverSizes): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (vendor: string, n: number) => (out[vendor] = (out[vendor] ?? 0) + n);
  const isdpOps = { create: 0, update: 0, delete: 0 };
  for (const a of actions) {
    const vendor = a.kind.split(".")[0] as string;
    const members = a.changes.find((c) => c.field === "members");
    const adds = members?.add?.length ?? 0;
    const removes = members?.remove?.length ?? 0;
    switch (a.kind) {
      case "isdp.Person":
        isdpOps[a.op]++;
        break;
      case "dingtalk.PunchGroup":
        add(vendor, Math.max(Math.ceil(adds / sizes.dingtalkMemberChunk), Math.ceil(removes / sizes.dingtalkMemberChunk)));
        break;
      case "jiandaoyun.RoleGroup":
        add(vendor, a.op === "update" && a.renamedFrom === undefined ? 0 : 1);
        break;
      case "jiandaoyun.Role": {
        const moves = a.op === "update" && (a.renamedFrom !== undefined || a.changes.some((c) => c.field === "group")) ? 1 : 0;
        const own = a.op === "update" ? moves : 1;
        const memberCalls = a.op === "delete" ? 0 : Math.ceil(adds / sizes.jiandaoyunMemberChunk) + Math.ceil(removes / sizes.jiandaoyunMemberChunk);
        add(vendor, own + memberCalls);
        break;
      }
      default:
        add(vendor, 1);
    }
  }
  if (actions.some((a) => a.kind === "isdp.Person")) {
    add("isdp", Math.ceil(isdpOps.create / sizes.isdpPersonBatch) + Math.ceil(isdpOps.update / sizes.isdpPersonBatch) + Math.ceil(isdpOps.delete / sizes.isdpPersonBatch));
  }
  return out;
}

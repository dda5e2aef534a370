import type { EmuResponse } from "../vendor.js";
import { Company, SYNCED_REFUSAL } from "./company.js";
import { boolParam, countParam, fail, intParam, isFailure, ok, type Params } from "./answers.js";

/** role_group/list, create, update and delete. */
export const roleGroupRoutes: Record<string, (c: Company, p: Params) => EmuResponse> = {
  "/api/v5/corp/role_group/list": (c, p) => {
    const groups = listPage(p, c.state.roleGroups, (g) => g.group_no, c.listPageMax(), c.listPageMax());
    return isFailure(groups) ? groups : ok({ role_groups: groups.map((g) => c.groupView(g)) });
  },

  "/api/v5/corp/role_group/create": (c, p) => {
    const name = c.checkName(p["name"], "role group");
    if (isFailure(name)) return name;
    const group = { group_no: c.nextNo(), name, type: 0, status: 1 };
    c.state.roleGroups.push(group);
    return ok({ role_group: c.groupView(group) });
  },

  "/api/v5/corp/role_group/update": (c, p) => {
    const no = intParam(p, "role_group_no");
    if (isFailure(no)) return no;
    const group = c.group(no);
    if (!group) return fail(1206, `role group ${no} does not exist`);
    if (group.synced) return SYNCED_REFUSAL("role group");
    const name = c.checkName(p["name"], "role group");
    if (isFailure(name)) return name;
    group.name = name;
    return ok({ role_group: c.groupView(group) });
  },

  "/api/v5/corp/role_group/delete": (c, p) => {
    const no = intParam(p, "role_group_no");
    if (isFailure(no)) return no;
    const group = c.group(no);
    if (!group) return fail(1206, `role group ${no} does not exist`);
    if (group.synced) return SYNCED_REFUSAL("role group");
    if (c.state.roles.some((r) => r.group_no === no)) return fail(1208, "the role group still has roles; delete them first");
    c.state.roleGroups = c.state.roleGroups.filter((g) => g.group_no !== no);
    return ok({ status: "success" });
  },
};

/** `has_internal` (self-built) and `has_sync` (synced), both true by default. */
function originFilters(p: Params): { internal: boolean; sync: boolean } | EmuResponse {
  const internal = boolParam(p, "has_internal", true);
  if (isFailure(internal)) return internal;
  const sync = boolParam(p, "has_sync", true);
  if (isFailure(sync)) return sync;
  return { internal, sync };
}

/**
 * One page of a listing: objects of the origins the `has_internal`/`has_sync` filters ask for,
 * in number order, within skip/limit (`defaultLimit` when limit is missing).
 */
export function listPage<T extends { synced?: boolean }>(p: Params, items: T[], no: (item: T) => number, defaultLimit: number, maxLimit: number): T[] | EmuResponse {
  const filters = originFilters(p);
  if (isFailure(filters)) return filters;
  const window = pageWindow(p, defaultLimit, maxLimit);
  if (isFailure(window)) return window;
  return items
    .filter((item) => (item.synced ? filters.sync : filters.internal))
    .sort((a, b) => no(a) - no(b))
    .slice(window.skip, window.skip + window.limit);
}

/** skip/limit with the endpoint's default and largest page size. */
export function pageWindow(p: Params, defaultLimit: number, maxLimit: number): { skip: number; limit: number } | EmuResponse {
  const skip = countParam(p, "skip", 0);
  if (isFailure(skip)) return skip;
  const limit = countParam(p, "limit", defaultLimit);
  if (isFailure(limit)) return limit;
  // Asking for more than the endpoint serves gives a page of its maximum size, without an error.
  return { skip, limit: Math.min(limit, maxLimit) };
}

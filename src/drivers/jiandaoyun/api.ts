/** Jiandaoyun open API v5 paths orgform calls, and what the vendor allows on each (vendor notes 2.2, 2.3, 2.7). */

export const API = {
  roleGroupList: "/api/v5/corp/role_group/list",
  roleGroupCreate: "/api/v5/corp/role_group/create",
  roleGroupUpdate: "/api/v5/corp/role_group/update",
  roleGroupDelete: "/api/v5/corp/role_group/delete",
  roleList: "/api/v5/corp/role/list",
  roleCreate: "/api/v5/corp/role/create",
  roleUpdate: "/api/v5/corp/role/update",
  roleDelete: "/api/v5/corp/role/delete",
  roleUserList: "/api/v5/corp/role/user/list",
  roleAddMembers: "/api/v5/corp/role/add_members",
  roleRemoveMembers: "/api/v5/corp/role/remove_members",
} as const;

/** Calls per second per company and endpoint, as published (30 lists, 20 writes, 10 member changes). */
export const ENDPOINT_RATES: Record<string, number> = {
  [API.roleGroupList]: 30,
  [API.roleList]: 30,
  [API.roleUserList]: 30,
  [API.roleGroupCreate]: 20,
  [API.roleGroupUpdate]: 20,
  [API.roleGroupDelete]: 20,
  [API.roleCreate]: 20,
  [API.roleUpdate]: 20,
  [API.roleDelete]: 20,
  [API.roleAddMembers]: 10,
  [API.roleRemoveMembers]: 10,
};

/** Calls per second for the whole company, all endpoints together. */
export const COMPANY_RATE = 50;

/**
 * Page size for role and role-group lists. The vendor publishes no maximum, and paging stops at
 * the first short page, so the size must not exceed what the vendor serves: 100 is the prudent pick.
 */
export const LIST_PAGE_SIZE = 100;
/** Page size for role members: the published maximum of role/user/list. */
export const MEMBER_PAGE_SIZE = 10_000;
/** Usernames per add_members / remove_members call (no vendor maximum is published). */
export const MEMBER_CHUNK = 100;
/** Longest role or role-group name the vendor accepts (error 1207). */
export const NAME_MAX = 24;

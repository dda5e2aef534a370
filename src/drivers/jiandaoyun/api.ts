/**
 * Jiandaoyun open API v5 paths orgform calls, and what the vendor allows on each. Paths:
 * jiandaoyun/api-demo `node/src/api/arch/role.js`, `role_group.js`; rates: the Jodoo developer
 * guide help.jodoo.com/open/11261 (50/s per company) and the endpoint pages /open/18522,
 * /open/18526, /open/18529 (lists 30/s), help.jodoo.com/open/18531 for updates (20/s), and
 * help.jodoo.com/en/articles/9992475 (member changes 10/s).
 */
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

/** The calls that read: their answers must carry a body. Every other call is a write. */
export const READS: ReadonlySet<string> = new Set([API.roleGroupList, API.roleList, API.roleUserList]);

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
 * Page size asked of role and role-group lists. Unverified: no maximum is published for them
 * (the app list API documents 1–100), so orgform pages until an empty page and never relies
 * on getting this many.
 */
export const LIST_PAGE_SIZE = 100;
/** Page size asked of role/user/list: its maximum, 10 000, as the third-party reference copy of the docs gives it. */
export const MEMBER_PAGE_SIZE = 10_000;
/** Usernames per add_members / remove_members call. Unverified: no maximum is published. */
export const MEMBER_CHUNK = 100;
/** Longest role or role-group name the vendor accepts (the hint of error 1207). */
export const NAME_MAX = 24;

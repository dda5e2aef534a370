import type { FetchContext } from "../driver.js";
import { DriverError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { API, LIST_PAGE_SIZE, MEMBER_PAGE_SIZE } from "./api.js";
import { ROLE, roleKey } from "./kinds/role.js";
import { ROLE_GROUP } from "./kinds/role-group.js";
import { readRoleGroups, readRoles, readUsers, type WireRole, type WireRoleGroup } from "./wire.js";

/** How a list call selects objects: the two filters every role and role-group list takes. */
type Origin = { has_internal: true; has_sync: false } | { has_internal: false; has_sync: true };
const SELF_BUILT: Origin = { has_internal: true, has_sync: false };
const SYNCED: Origin = { has_internal: false, has_sync: true };

/**
 * Read role groups and roles (with their members). Self-built and synced objects are listed
 * apart: the `has_internal`/`has_sync` filters are the vendor's own word on which objects
 * came from the integrated directory (`integrate_id` is not returned for Feishu-synced groups).
 */
export async function fetchJiandaoyun(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  const kinds = new Set(scope.map((s) => s.kind));
  if (!kinds.has(ROLE_GROUP) && !kinds.has(ROLE)) return [];
  const served = new ServedPages();
  const [ownGroups, syncedGroups] = await Promise.all([listGroups(ctx, served, SELF_BUILT), listGroups(ctx, served, SYNCED)]);
  const groups = [...ownGroups.map((g) => ({ g, synced: false })), ...syncedGroups.map((g) => ({ g, synced: true }))];
  const groupKeys = uniqueKeys(groups.map(({ g }) => ({ no: g.group_no, key: g.name })));
  // Groups are read either way (roles are keyed by them); returned either way too, so that
  // roles planned alone can still be created in, or moved to, a group by its number.
  const out: LiveResource[] = [];
  for (const { g, synced } of groups) {
    const res: LiveResource = { target: ctx.target, kind: ROLE_GROUP, key: groupKeys.get(g.group_no) ?? g.name, fields: {}, ids: { group_no: g.group_no } };
    const readOnly = synced ? SYNCED_REASON : g.type === 2 ? EXTERNAL_REASON : undefined;
    if (readOnly) res.readOnly = readOnly;
    out.push(res);
  }
  if (kinds.has(ROLE)) out.push(...(await fetchRoles(ctx, served, groupKeys)));
  return out;
}

const SYNCED_REASON = "synced from the integrated directory (integrate mode); Jiandaoyun refuses changes to it (1202)";
const EXTERNAL_REASON = "a cross-company (企业互联) external object";

async function fetchRoles(ctx: FetchContext, served: ServedPages, groupKeys: Map<number, string>): Promise<LiveResource[]> {
  const [own, synced] = await Promise.all([listRoles(ctx, served, SELF_BUILT), listRoles(ctx, served, SYNCED)]);
  // Roles outside any listed group cannot be named by a manifest (a role's key starts with its group).
  const all = [...own.map((r) => ({ r, synced: false })), ...synced.map((r) => ({ r, synced: true }))].filter(
    ({ r }) => r.group_no !== undefined && groupKeys.has(r.group_no),
  );
  const keys = uniqueKeys(all.map(({ r }) => ({ no: r.role_no, key: roleKey(groupKeys.get(r.group_no ?? -1) ?? "", r.name) })));
  return Promise.all(
    all.map(async ({ r, synced: isSynced }): Promise<LiveResource> => {
      const group = groupKeys.get(r.group_no ?? -1) ?? "";
      const members = await listMembers(ctx, served, r.role_no);
      const res: LiveResource = {
        target: ctx.target,
        kind: ROLE,
        key: keys.get(r.role_no) ?? roleKey(group, r.name),
        fields: { group, members },
        ids: { role_no: r.role_no, group_no: r.group_no },
      };
      const readOnly = isSynced ? SYNCED_REASON : r.type === 2 ? EXTERNAL_REASON : undefined;
      if (readOnly) res.readOnly = readOnly;
      return res;
    }),
  );
}

/**
 * Keys by vendor number. Names should be unique (per company for groups, per group for roles);
 * should the vendor hold two alike, the lowest number keeps the plain key and the others get
 * `#<number>` appended, so every object stays visible and addressable by a pinned number.
 */
function uniqueKeys(objects: { no: number; key: string }[]): Map<number, string> {
  const out = new Map<number, string>();
  const taken = new Set<string>();
  for (const o of [...objects].sort((a, b) => a.no - b.no)) {
    const key = taken.has(o.key) ? `${o.key}#${o.no}` : o.key;
    taken.add(o.key);
    out.set(o.no, key);
  }
  return out;
}

function listGroups(ctx: FetchContext, served: ServedPages, origin: Origin): Promise<WireRoleGroup[]> {
  return pages(ctx, served, API.roleGroupList, { ...origin }, LIST_PAGE_SIZE, readRoleGroups);
}

function listRoles(ctx: FetchContext, served: ServedPages, origin: Origin): Promise<WireRole[]> {
  return pages(ctx, served, API.roleList, { ...origin }, LIST_PAGE_SIZE, readRoles);
}

async function listMembers(ctx: FetchContext, served: ServedPages, roleNo: number): Promise<string[]> {
  const users = await pages(ctx, served, API.roleUserList, { role_no: roleNo }, MEMBER_PAGE_SIZE, readUsers);
  return [...new Set(users.map((u) => u.username))].sort();
}

/**
 * The longest page each list path has served during one fetch. No list publishes its largest
 * page or a total, and a vendor serving fewer than asked would make "a short page is the last"
 * drop objects (then planned as creates, or missed as deletes). A page is known to be the last
 * when it is shorter than what was asked and than a page the same path has already served: the
 * vendor could have served more and did not. Otherwise the listing goes on to an empty page.
 * This holds while a path's page cap stays the same during the fetch (assumed: a cap that
 * changes call by call is unheard of; a cap counted in bytes would break it).
 */
export class ServedPages {
  private readonly longest = new Map<string, number>();

  /** Whether a page of `length` answered to `limit` ends the listing of `path`; records it. */
  ends(path: string, limit: number, length: number): boolean {
    const before = this.longest.get(path) ?? 0;
    if (length > before) this.longest.set(path, length);
    return length === 0 || (length < limit && length < before);
  }
}

const MAX_OBJECTS = 1_000_000;

/** Page with skip/limit until the last page (see ServedPages); `skip` moves on by what came back. */
export async function pages<T>(ctx: FetchContext, served: ServedPages, path: string, params: Record<string, unknown>, limit: number, read: (data: unknown, path: string) => T[]): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; ) {
    const page = read(await ctx.call({ method: "POST", path, body: { ...params, skip, limit }, bucket: path }), path);
    const last = served.ends(path, limit, page.length);
    if (page.length === 0) return out;
    // A vendor that ignored skip would serve the same page forever.
    if (out.length + page.length > MAX_OBJECTS) throw new DriverError("jiandaoyun", "unknown", undefined, `more than ${MAX_OBJECTS} objects from ${path}: the vendor may be ignoring skip`, { method: "POST", path });
    out.push(...page);
    if (last) return out;
    skip += page.length;
  }
}

import type { CompileContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import { deferred, type VendorRequest } from "../../../model/request.js";
import { API, MEMBER_CHUNK } from "../api.js";
import { ROLE_GROUP } from "./role-group.js";
import { roleOrg } from "../org.js";
import type { RoleItem } from "./role.item.js";

export const ROLE = "jiandaoyun.Role";

/** A role's key: its group's key and its name, `<group>/<name>` (names are unique within a group). */
export function roleKey(group: string, name: string): string {
  return `${group}/${name}`;
}

/** The role's own name, given its key and the group the key starts with. */
export function roleName(key: string, group: string): string {
  const prefix = `${group}/`;
  if (!key.startsWith(prefix)) throw new Error(`${ROLE} key "${key}" does not start with its group "${group}"`);
  return key.slice(prefix.length);
}

/**
 * A self-built role (自建角色) in a role group, with its members (usernames). `role_no` may be
 * pinned so that a changed name or group renames or moves the live role instead of replacing it.
 */
export const role: KindSpec<RoleItem> = {
  org: roleOrg,
  kind: ROLE,
  keyField: "name",
  schema: "kinds/jiandaoyun.Role.schema.json",
  fields: { group: { type: "scalar", ref: ROLE_GROUP, linkedById: true }, members: { type: "set" } },
  // A role listed under its group's new name, with its own name unchanged, is the same role.
  keyParent: { field: "group", kind: ROLE_GROUP },
  pins: ["role_no"],
  listable: true,
  create: true,
  delete: true,

  toCanonical(item) {
    const group = item.group;
    const fields: Record<string, unknown> = { group };
    if (item.members !== undefined) fields["members"] = [...new Set(item.members)].sort();
    const pins: Record<string, unknown> = {};
    if (item.role_no !== undefined) pins["role_no"] = item.role_no;
    return { key: roleKey(group, item.name), fields, pins };
  },

  toItem(live: LiveResource) {
    const group = String(live.fields["group"]);
    return { name: roleName(live.key, group), group, role_no: live.ids["role_no"], members: live.fields["members"] ?? [] };
  },

  compile(action: Action, ctx: CompileContext): VendorRequest[] {
    if (action.op === "create") return compileCreate(action, ctx);
    const live = ctx.live(ROLE, action.key);
    const roleNo = live?.ids["role_no"];
    if (!live || roleNo === undefined) throw new Error(`${ROLE} "${action.key}" has no role_no in the live state`);
    if (action.op === "delete") return [{ method: "POST", path: API.roleDelete, body: { role_no: roleNo }, bucket: API.roleDelete }];
    return [...compileMove(action, live, roleNo, ctx), ...memberCalls(action, roleNo)];
  },
};

/** role/create (keeping the new role_no), then its members, which need that number. */
function compileCreate(action: Action, ctx: CompileContext): VendorRequest[] {
  const group = String(after(action, "group"));
  const create: VendorRequest = {
    method: "POST",
    path: API.roleCreate,
    body: { group_no: ctx.idOf(ROLE_GROUP, group, "group_no"), name: roleName(action.key, group) },
    bucket: API.roleCreate,
    capture: { role_no: "role.role_no" },
    // Never repeated blindly: how the vendor treats a second role of the same name is undocumented.
    retrySafe: false,
  };
  return [create, ...memberCalls(action, deferred(action.id, "role_no"))];
}

/** role/update when the role's name or group differs from the live one; nothing otherwise. */
function compileMove(action: Action, live: LiveResource, roleNo: unknown, ctx: CompileContext): VendorRequest[] {
  const groupChange = action.changes.find((c) => c.field === "group");
  if (action.renamedFrom === undefined && groupChange === undefined) return [];
  const liveGroup = String(live.fields["group"]);
  // A group renamed in this plan is the same group: the role's group field does not change.
  const group = groupChange ? String(groupChange.after) : ctx.keyAfter(ROLE_GROUP, liveGroup);
  const name = roleName(action.key, group);
  const groupNo = groupChange ? ctx.idOf(ROLE_GROUP, group, "group_no") : live.ids["group_no"];
  // A role keeps its number and name when only its group was renamed: the vendor has nothing to do.
  if (name === roleName(live.key, liveGroup) && groupNo === live.ids["group_no"]) return [];
  return [{ method: "POST", path: API.roleUpdate, body: { role_no: roleNo, group_no: groupNo, name }, bucket: API.roleUpdate }];
}

/** add_members and remove_members calls, at most MEMBER_CHUNK usernames each. */
function memberCalls(action: Action, roleNo: unknown): VendorRequest[] {
  const change = action.changes.find((c) => c.field === "members");
  return [...chunks(change?.add ?? [], API.roleAddMembers, roleNo), ...chunks(change?.remove ?? [], API.roleRemoveMembers, roleNo)];
}

function chunks(usernames: string[], path: string, roleNo: unknown): VendorRequest[] {
  const out: VendorRequest[] = [];
  for (let i = 0; i < usernames.length; i += MEMBER_CHUNK) {
    out.push({ method: "POST", path, body: { role_no: roleNo, usernames: usernames.slice(i, i + MEMBER_CHUNK) }, bucket: path });
  }
  return out;
}

function after(action: Action, field: string): unknown {
  return action.changes.find((c) => c.field === field)?.after;
}

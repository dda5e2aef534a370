import type { EmuResponse } from "../vendor.js";
import { Company, SYNCED_REFUSAL } from "./company.js";
import { fail, intParam, isFailure, ok, type Params } from "./answers.js";
import { listPage, pageWindow } from "./role-groups.js";
import type { JdyRole, JdyRoleGroup, JdyUser } from "./state.js";

/** role/list without `limit` serves one role: a documented quirk. */
const ROLE_LIST_DEFAULT_LIMIT = 1;

/** role/list, create, update, delete, user/list, add_members and remove_members. */
export const roleRoutes: Record<string, (c: Company, p: Params) => EmuResponse> = {
  "/api/v5/corp/role/list": (c, p) => {
    const roles = listPage(p, c.state.roles, (r) => r.role_no, ROLE_LIST_DEFAULT_LIMIT, c.listPageMax());
    return isFailure(roles) ? roles : ok({ roles: roles.map((r) => c.roleView(r)) });
  },

  "/api/v5/corp/role/create": (c, p) => {
    const group = targetGroup(c, p);
    if (isFailure(group)) return group;
    const name = c.checkName(p["name"], "role");
    if (isFailure(name)) return name;
    const role: JdyRole = { role_no: c.nextNo(), group_no: group.group_no, name, type: 0, members: [] };
    c.state.roles.push(role);
    return ok({ role: c.roleView(role) });
  },

  "/api/v5/corp/role/update": (c, p) => {
    const role = ownRole(c, p);
    if (isFailure(role)) return role;
    const group = targetGroup(c, p);
    if (isFailure(group)) return group;
    if (p["name"] !== undefined) {
      const name = c.checkName(p["name"], "role");
      if (isFailure(name)) return name;
      role.name = name;
    }
    role.group_no = group.group_no;
    return ok({ role: c.roleView(role) });
  },

  "/api/v5/corp/role/delete": (c, p) => {
    const role = ownRole(c, p);
    if (isFailure(role)) return role;
    c.state.roles = c.state.roles.filter((r) => r !== role);
    return ok({ status: "success" });
  },

  "/api/v5/corp/role/user/list": (c, p) => {
    const no = intParam(p, "role_no");
    if (isFailure(no)) return no;
    const role = c.role(no);
    if (!role) return fail(1201, `role ${no} does not exist`);
    const window = pageWindow(p, c.memberPageMax(), c.memberPageMax());
    if (isFailure(window)) return window;
    const users = usersByName(c.state.users);
    // Only invited and joined members are listed (help.jodoo.com/open/18526): departed ones holding the role are not.
    const listed = role.members.filter((username) => users.get(username)?.status !== "departed");
    const page = listed.slice(window.skip, window.skip + window.limit).map((username) => {
      const user = users.get(username);
      return { username, name: user?.name ?? username, departments: user?.departments ?? [1], type: 0, status: user?.status === "invited" ? 0 : 1 };
    });
    return ok({ users: page });
  },

  "/api/v5/corp/role/add_members": (c, p) => changeMembers(c, p, (role, names) => {
    const present = new Set(role.members);
    for (const n of names) if (!present.has(n)) role.members.push(n);
  }),

  "/api/v5/corp/role/remove_members": (c, p) => changeMembers(c, p, (role, names) => {
    const gone = new Set(names);
    role.members = role.members.filter((m) => !gone.has(m));
  }),
};

/** The role named by role_no, if it exists and is not synced. */
function ownRole(c: Company, p: Params): JdyRole | EmuResponse {
  const no = intParam(p, "role_no");
  if (isFailure(no)) return no;
  const role = c.role(no);
  if (!role) return fail(1201, `role ${no} does not exist`);
  if (role.synced) return SYNCED_REFUSAL("role");
  return role;
}

/** The group a role goes into: it must be given (1205), exist (1206) and not be synced (1202). */
function targetGroup(c: Company, p: Params): JdyRoleGroup | EmuResponse {
  const no = intParam(p, "group_no", 1205);
  if (isFailure(no)) return no;
  const group = c.group(no);
  if (!group) return fail(1206, `role group ${no} does not exist`);
  if (group.synced) return SYNCED_REFUSAL("role group");
  return group;
}

function changeMembers(c: Company, p: Params, apply: (role: JdyRole, usernames: string[]) => void): EmuResponse {
  const role = ownRole(c, p);
  if (isFailure(role)) return role;
  const names = p["usernames"];
  if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== "string" || n === "")) {
    return fail(1, "usernames must be a non-empty list of usernames");
  }
  const known = usersByName(c.state.users);
  const unknown = (names as string[]).find((n) => !known.has(n));
  if (unknown !== undefined) return fail(1010, `member does not exist: ${unknown}`);
  apply(role, names as string[]);
  return ok({ status: "success" });
}

const userIndexes = new WeakMap<object, Map<string, JdyUser>>();

/** The company's users by username, built once per users list (the emulator never edits it in place). */
function usersByName(users: JdyUser[]): Map<string, JdyUser> {
  let index = userIndexes.get(users);
  if (!index) {
    index = new Map(users.map((u) => [u.username, u]));
    userIndexes.set(users, index);
  }
  return index;
}

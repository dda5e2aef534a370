import { SECRETS, type GeneratedOrg, type OrgOptions } from "../generate.js";
import { pad, type Random } from "../random.js";
import { share, header, type MemberPool } from "./common.js";

export function jiandaoyun(org: GeneratedOrg, options: OrgOptions, rnd: Random, users: string[], pool: MemberPool): void {
  const { roleGroups, roles, membersPerRole } = options.shape;
  const groupName = (g: number) => `角色组${pad(g + 1, 3)}`;
  const groupNo = (g: number) => 2600 + g;
  const ids = Array.from({ length: roles }, (_, i) => i);
  const created = new Set(rnd.sample(ids, share(roles, options.drift.create)));
  const existing = ids.filter((i) => !created.has(i));
  const big = new Set(rnd.sample(existing, share(roles, options.drift.bigMembers)));
  const small = new Set(rnd.sample(existing.filter((i) => !big.has(i)), share(roles, options.drift.members)));
  const groupLines = header("jiandaoyun.RoleGroup", "forms");
  for (let g = 0; g < roleGroups; g++) groupLines.push(`  - name: ${groupName(g)}`);
  const lines = header("jiandaoyun.Role", "forms");
  const liveRoles: Record<string, unknown>[] = [];
  for (const i of ids) {
    const g = i % roleGroups;
    const name = `角色${pad(i + 1, 5)}`;
    const desired = pool.take(big.has(i) ? 220 : rnd.int(...membersPerRole));
    lines.push(`  - name: ${name}`, `    group: ${groupName(g)}`, "    members:", ...desired.map((m) => `      - ${m}`));
    org.memberships.roles += desired.length;
    if (created.has(i)) continue;
    let live = desired;
    if (big.has(i)) live = [...desired.slice(0, desired.length - 150), ...pool.others(rnd, 120, new Set(desired))];
    else if (small.has(i)) live = [...desired.slice(0, desired.length - 3), ...pool.others(rnd, 2, new Set(desired))];
    liveRoles.push({ role_no: 3000 + i, group_no: groupNo(g), name, members: live });
    org.live.jiandaoyunRoleMembers.push(live.length);
  }
  const extra = share(roles, options.drift.delete);
  for (let j = 0; j < extra; j++) {
    const members = pool.others(rnd, 20, new Set());
    liveRoles.push({ role_no: 9000 + j, group_no: groupNo(j % roleGroups), name: `旧角色${pad(j + 1, 4)}`, members });
    org.live.jiandaoyunRoleMembers.push(members.length);
  }
  org.files.push({ name: "role-groups.yaml", text: `${groupLines.join("\n")}\n` });
  org.files.push({ name: "roles.yaml", text: `${lines.join("\n")}\n` });
  org.desired["jiandaoyun.RoleGroup"] = roleGroups;
  org.desired["jiandaoyun.Role"] = roles;
  org.live.jiandaoyunGroups = { own: roleGroups, synced: 0 };
  org.live.jiandaoyunRoles = { own: liveRoles.length, synced: 0 };
  const unlimited = Object.fromEntries(JIANDAOYUN_PATHS.map((p) => [p, 1_000_000]));
  org.state["jiandaoyun"] = {
    apiKeys: [SECRETS.JDY_API_KEY],
    mode: "public",
    users: users.map((u) => ({ username: u, name: u, departments: [1] })),
    roleGroups: Array.from({ length: roleGroups }, (_, g) => ({ group_no: groupNo(g), name: groupName(g), type: 0, status: 1 })),
    roles: liveRoles,
    // Without `limits` the emulator enforces the published quotas (50/s per company, 30/20/10 per API).
    ...(options.emulatorLimits === "off" ? { limits: { company: 1_000_000, endpoints: unlimited } } : {}),
  };
}

const JIANDAOYUN_PATHS = [
  "/api/v5/corp/role_group/list",
  "/api/v5/corp/role_group/create",
  "/api/v5/corp/role_group/update",
  "/api/v5/corp/role_group/delete",
  "/api/v5/corp/role/list",
  "/api/v5/corp/role/create",
  "/api/v5/corp/role/update",
  "/api/v5/corp/role/delete",
  "/api/v5/corp/role/user/list",
  "/api/v5/corp/role/add_members",
  "/api/v5/corp/role/remove_members",
];

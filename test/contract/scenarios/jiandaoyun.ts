import { company, ENV, group, manifests, role, usernames, users } from "../../drivers/jiandaoyun-fixtures.js";
import type { JdyRole } from "../../../src/emulator/jiandaoyun/state.js";
import { names, type Known, type Scenario, type Touch } from "./scenario.js";

const GROUP = "jiandaoyun.RoleGroup";
const ROLE = "jiandaoyun.Role";
const API = "/api/v5/corp";

/**
 * Live: groups G00..G07 with roles R0..R2 (three members each), empty groups E00..E69, and
 * X00..X02 that the manifests never name. Desired:
 * - G00 renamed H00 (group_no pinned), its roles following (role_no pinned, no call needed);
 * - G01's roles moved into G02 as M0..M2; G03's roles renamed S0..S2 (pinned);
 * - G04..G06's roles: two members added and two removed each;
 * - G07 deleted with its roles; E00..E49 deleted; E50..E69 renamed F50..F69 (pinned);
 * - N00..N84 created; N00..N05 get four new roles each, half of them with members.
 * Role members are read one call per role (30/s), so the scenario keeps roles few and
 * puts most of its changes on groups.
 */
const gs = names(8, "G");
const roleNo = (g: number, r: number) => 1000 + 10 * g + r;
const pool = usernames(100);
const membersOf = (g: number, r: number) => pool.slice(10 * g + 3 * r, 10 * g + 3 * r + 3);

const liveRoles: JdyRole[] = gs.flatMap((_, g) => [0, 1, 2].map((r) => role(roleNo(g, r), 100 + g, `R${r}`, membersOf(g, r))));
const liveGroups = [
  ...gs.map((g, i) => group(100 + i, g)),
  ...names(70, "E").map((e, i) => group(200 + i, e)),
  ...names(3, "X").map((x, i) => group(300 + i, x)),
];

type Item = Record<string, unknown>;

function desired(): { groups: Item[]; roles: Item[] } {
  const groups: Item[] = [{ name: "H00", group_no: 100 }, ...gs.slice(1, 7).map((name) => ({ name })), { name: "G07", absent: true }];
  const roles: Item[] = [];
  for (const r of [0, 1, 2]) {
    roles.push({ name: `R${r}`, group: "H00", role_no: roleNo(0, r), members: membersOf(0, r) });
    roles.push({ name: `M${r}`, group: "G02", role_no: roleNo(1, r), members: membersOf(1, r) });
    roles.push({ name: `R${r}`, group: "G02", members: membersOf(2, r) });
    roles.push({ name: `S${r}`, group: "G03", role_no: roleNo(3, r), members: membersOf(3, r) });
    for (const g of [4, 5, 6]) roles.push({ name: `R${r}`, group: gs[g], members: [membersOf(g, r)[0], pool[80 + 3 * (g - 4) + r], pool[95 + r]] });
    roles.push({ name: `R${r}`, group: "G07", absent: true });
  }
  for (const [i, e] of names(70, "E").entries()) groups.push(i < 50 ? { name: e, absent: true } : { name: e.replace("E", "F"), group_no: 200 + i });
  for (const n of names(85, "N")) groups.push({ name: n });
  for (const n of names(6, "N")) for (const r of [0, 1, 2, 3]) roles.push({ name: `新${r}`, group: n, ...(r % 2 ? { members: pool.slice(90 + r, 93 + r) } : {}) });
  return { groups, roles };
}

/** A role's key from its group number and name, whichever of the two states knows the group. */
function roleKeyOf(known: Known, groupNo: unknown, name: string): string {
  const g = [...known.before, ...known.after].find((r) => r.kind === GROUP && r.ids["group_no"] === groupNo);
  return `${g?.key ?? `#${String(groupNo)}`}/${name}`;
}

export const jiandaoyunScenario: Scenario = {
  driver: "jiandaoyun",
  state: company({ users: users(pool), roleGroups: liveGroups, roles: liveRoles }),
  env: ENV,
  // The API key is sent as it is on every call: there is no token to refresh.
  wrongSecret: { variable: "JDY_API_KEY", code: 17018 },
  small: {
    state: company({ roleGroups: [group(10, "G")], roles: [role(20, 10, "R", ["u0001"])] }),
    env: ENV,
    manifests: (url) => manifests(url, { groups: [{ name: "G" }, { name: "H" }], roles: [{ name: "R", group: "G", members: ["u0001", "u0002"] }, { name: "S", group: "H" }] }),
  },
  rateLimits: true,
  manifests: (url) => manifests(url, desired()),

  identity: (r) => String(r.kind === GROUP ? r.ids["group_no"] : r.ids["role_no"]),

  touches(call, known): Touch[] {
    const body = call.body as Record<string, unknown>;
    const no = (field: string) => String(body[field]);
    const members = { members: (body["usernames"] as string[] | undefined) ?? [] };
    switch (call.path.slice(API.length)) {
      case "/role_group/create":
        return [{ kind: GROUP, op: "create", key: String(body["name"]) }];
      case "/role_group/update":
        return [{ kind: GROUP, op: "update", identity: no("role_group_no") }];
      case "/role_group/delete":
        return [{ kind: GROUP, op: "delete", identity: no("role_group_no") }];
      case "/role/create":
        return [{ kind: ROLE, op: "create", key: roleKeyOf(known, body["group_no"], String(body["name"])) }];
      case "/role/update":
        return [{ kind: ROLE, op: "update", identity: no("role_no") }];
      case "/role/delete":
        return [{ kind: ROLE, op: "delete", identity: no("role_no") }];
      case "/role/add_members":
        return [{ kind: ROLE, op: "update", identity: no("role_no"), add: members }];
      case "/role/remove_members":
        return [{ kind: ROLE, op: "update", identity: no("role_no"), remove: members }];
      default:
        return [];
    }
  },
};

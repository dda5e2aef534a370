import * as one from "../../drivers/dingtalk-fixtures.js";
import { stringify } from "yaml";
import { manifestDir } from "../../helpers/orgform.js";
import { names, type Scenario } from "./scenario.js";

const KIND = "dingtalk.PunchGroup";
const SECRET = "dt-convergence-secret-51c0";

interface Member {
  member_id: string;
  type: number;
}

const people = (group: string, n: number, prefix = "u") => names(n, `${prefix}-${group}-`).map((m) => ({ member_id: m, type: 0 }));

/**
 * Punch groups only change members (DingTalk cannot create, rename or delete them), so this
 * scenario's changes are member additions and removals, some of them departments:
 * - g00..g09: 12 members each; keep 6, remove 6, add 10 users and a department;
 * - g10: 110 members (two pages); keep 5, add 220 (three calls of at most 100 per list);
 * - g11: additive policy: adds 3 and must keep the 8 it does not list;
 * - g12: already as desired; g13: not in the manifests at all. Neither may be touched.
 */
const groups = names(14, "g");
const live: Record<string, Member[]> = Object.fromEntries(groups.map((g) => [g, people(g, 12)]));
live["g10"] = people("g10", 110);
live["g11"] = people("g11", 8);

function desired(group: string): unknown[] {
  const before = (live[group] ?? []).map((m) => m.member_id);
  if (group === "g10") return [...before.slice(0, 5), ...people(group, 220, "n").map((m) => m.member_id)];
  if (group === "g11") return [before[0], ...people(group, 3, "n").map((m) => m.member_id)];
  if (group === "g12") return before;
  return [...before.slice(0, 6), ...people(group, 10, "n").map((m) => m.member_id), { member_id: `9${group.slice(1)}`, type: 1 }];
}

export const dingtalkScenario: Scenario = {
  driver: "dingtalk",
  state: {
    dingtalk: {
      apps: [{ appKey: "conv-app", appSecret: SECRET }],
      punchGroups: groups.map((g) => ({ punch_group_id: g, biz_inst_id: `inst-${g}`, biz_id: "patrol_conv", members: live[g] })),
    },
  },
  env: { DT_SECRET: SECRET },
  wrongSecret: { variable: "DT_SECRET", code: 40096, message: "不合法的appKey或appSecret" },
  small: { state: one.tenant(["u1", "u2"]), env: one.ENV, manifests: (url) => one.manifests(url, ["u2", "u3", "u4"]) },
  rateLimits: true,
  token: { path: "/gettoken", lapsedCode: 88 },

  manifests(url) {
    const target = {
      apiVersion: "orgform/v1",
      kind: "Target",
      name: "att",
      driver: "dingtalk",
      endpoint: `${url}/dingtalk`,
      credentials: { appKey: "conv-app", appSecret: "${DT_SECRET}" },
    };
    const items = groups
      .filter((g) => g !== "g13")
      .map((g) => ({
        punch_group_id: g,
        biz_inst_id: `inst-${g}`,
        biz_id: "patrol_conv",
        ...(g === "g11" ? { membersPolicy: "additive" } : {}),
        members: desired(g),
      }));
    return manifestDir({
      "target.yaml": stringify(target),
      "groups.yaml": stringify({ apiVersion: "orgform/v1", kind: KIND, target: "att", items }),
    });
  },

  identity: (r) => r.key,

  touches(call) {
    if (!call.path.endsWith("/member/update")) return [];
    const param = (call.body as { sync_param: { punch_group_id: string; add_member_list?: Member[]; delete_member_list?: Member[] } }).sync_param;
    const canonical = (list: Member[] = []) => list.map((m) => (m.type === 1 ? `dept:${m.member_id}` : m.member_id));
    return [
      {
        kind: KIND,
        op: "update",
        key: param.punch_group_id,
        add: { members: canonical(param.add_member_list) },
        remove: { members: canonical(param.delete_member_list) },
      },
    ];
  },
};

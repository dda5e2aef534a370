import { SECRETS, type GeneratedOrg, type OrgOptions } from "../generate.js";
import { pad, type Random } from "../random.js";
import { share, header, type MemberPool } from "./common.js";

export function dingtalk(org: GeneratedOrg, options: OrgOptions, rnd: Random, users: string[], pool: MemberPool): void {
  const { punchGroups, membersPerGroup } = options.shape;
  const ids = Array.from({ length: punchGroups }, (_, i) => i);
  const big = new Set(rnd.sample(ids, share(punchGroups, options.drift.bigMembers)));
  const small = new Set(rnd.sample(ids.filter((i) => !big.has(i)), share(punchGroups, options.drift.members)));
  const lines = header("dingtalk.PunchGroup", "attendance");
  const groups: Record<string, unknown>[] = [];
  for (const i of ids) {
    const id = `PG${pad(i + 1, 5)}`;
    const desired = pool.take(big.has(i) ? 220 : rnd.int(...membersPerGroup));
    let live = desired;
    if (big.has(i)) live = [...desired.slice(0, desired.length - 150), ...pool.others(rnd, 120, new Set(desired))];
    else if (small.has(i)) live = [...desired.slice(0, desired.length - 3), ...pool.others(rnd, 2, new Set(desired))];
    lines.push(`  - punch_group_id: ${id}`, `    biz_inst_id: BI${pad(i + 1, 5)}`, "    members:", ...desired.map((m) => `      - ${m}`));
    groups.push({ punch_group_id: id, biz_inst_id: `BI${pad(i + 1, 5)}`, members: live.map((m) => ({ member_id: m, type: 0 })) });
    org.live.dingtalkGroupMembers.push(live.length);
    org.memberships.punchGroups += desired.length;
  }
  org.files.push({ name: "punch-groups.yaml", text: `${lines.join("\n")}\n` });
  org.desired["dingtalk.PunchGroup"] = punchGroups;
  org.state["dingtalk"] = {
    apps: [{ appKey: "bench-app", appSecret: SECRETS.DINGTALK_APP_SECRET }],
    users,
    punchGroups: groups,
    ...(options.emulatorLimits === "published" ? { limits: { qps: 20 } } : {}),
  };
}

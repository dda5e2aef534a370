import type { DingTalkSection } from "../../src/emulator/dingtalk/state.js";
import { manifestDir } from "../helpers/orgform.js";

/** Shared fixtures for the DingTalk driver tests: one app, one punch group, one target. */
export const SECRET = "dt-secret-7f3a9c";
export const ENV = { DT_SECRET: SECRET };
export const GROUP = "123123123";

export function tenant(members: string[], extra: Partial<DingTalkSection> = {}): { dingtalk: DingTalkSection } {
  return {
    dingtalk: {
      apps: [{ appKey: "app-1", appSecret: SECRET }],
      punchGroups: [{ punch_group_id: GROUP, biz_inst_id: GROUP, biz_id: "patrol_xxx", members: members.map((m) => ({ member_id: m, type: 0 })) }],
      ...extra,
    },
  };
}

export function manifests(url: string, members: string[], opts: { limits?: string; policy?: string; group?: string } = {}): string {
  return manifestDir({
    "target.yaml": [
      "apiVersion: orgform/v1",
      "kind: Target",
      "name: att",
      "driver: dingtalk",
      `endpoint: ${url}/dingtalk`,
      "credentials:",
      "  appKey: app-1",
      "  appSecret: ${DT_SECRET}",
      opts.limits ?? "",
    ].join("\n"),
    "groups.yaml": [
      "apiVersion: orgform/v1",
      "kind: dingtalk.PunchGroup",
      "target: att",
      "items:",
      `  - punch_group_id: "${opts.group ?? GROUP}"`,
      `    biz_inst_id: "${GROUP}"`,
      "    biz_id: patrol_xxx",
      opts.policy ?? "",
      `    members: ${JSON.stringify(members)}`,
    ].join("\n"),
  });
}

export const users = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);

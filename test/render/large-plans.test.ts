import { describe, expect, it } from "vitest";
import type { Action, Plan } from "../../src/model/plan.js";
import { MEMBER_PREVIEW, renderMarkdown } from "../../src/render/markdown.js";
import { renderJsonSummary, renderTextSummary } from "../../src/render/summary.js";

const fp = `sha256:${"0".repeat(64)}`;
const members = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, "0")}`);

function planOf(actions: Action[]): Plan {
  const sum = (side: "add" | "remove") => actions.reduce((n, a) => n + a.changes.reduce((m, c) => m + (c[side]?.length ?? 0), 0), 0);
  return {
    formatVersion: 1,
    targets: [
      { name: "att", driver: "dingtalk", endpoint: "https://x", credentials: {}, scope: [], fingerprint: fp },
      { name: "hr", driver: "xinrenxinshi", endpoint: "https://y", credentials: {}, scope: [], fingerprint: fp },
    ],
    actions,
    summary: { create: actions.filter((a) => a.op === "create").length, update: actions.filter((a) => a.op === "update").length, delete: actions.filter((a) => a.op === "delete").length, add: sum("add"), remove: sum("remove") },
    safety: { ok: true, violations: [] },
  };
}

const group = (key: string, add: string[], remove: string[] = []): Action => ({ id: `att/dingtalk.PunchGroup/${key}`, target: "att", kind: "dingtalk.PunchGroup", key, op: "update", changes: [{ field: "members", add, remove }], dependsOn: [] });

describe("large plans stay reviewable", () => {
  it("one group gaining 3 000 members shows its first members and how many more", () => {
    const md = renderMarkdown(planOf([group("g1", members(3000, "user-with-a-long-identifier-"), ["leaver"])]));

    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toContain('! dingtalk.PunchGroup "g1"');
    expect(md).toContain("!     members: +3000 −1");
    expect(md).toContain("+         user-with-a-long-identifier-00000");
    expect(md).toContain(`+         ... and ${3000 - MEMBER_PREVIEW} more`);
    expect(md).toContain("-         leaver");
    expect(md).not.toContain(`user-with-a-long-identifier-${String(MEMBER_PREVIEW).padStart(5, "0")}`);
    expect(md).not.toContain("Cut here");
  });

  it("a cut names how many changes are left out and where the full plan is", () => {
    const many = Array.from({ length: 400 }, (_, i) => group(`g${i}`, members(60, `g${i}-member-`)));
    const md = renderMarkdown(planOf(many), { planFile: "artifacts/plan.json" });

    expect(md.length).toBeLessThanOrEqual(60_000);
    const shown = md.match(/```diff/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(md).toContain(`> **Cut here:** ${400 - shown} more changes are not shown`);
    expect(md).toContain("`orgform show artifacts/plan.json` prints all of it");
    expect(md).toContain("| att | dingtalk.PunchGroup | 0 | 400 | 0 | 24000 | 0 | ok |");
  });

  it("--summary: counts per target and kind, in text, markdown and JSON", () => {
    const plan = planOf([
      group("g1", members(3000, "u")),
      { id: "hr/xinrenxinshi.Department/研发部", target: "hr", kind: "xinrenxinshi.Department", key: "研发部", op: "create", changes: [], dependsOn: [] },
      { id: "hr/xinrenxinshi.Department/OLD", target: "hr", kind: "xinrenxinshi.Department", key: "OLD", op: "delete", changes: [], dependsOn: [] },
    ]);

    expect(renderTextSummary(plan).split("\n")).toEqual([
      "TARGET  KIND                     CREATE  UPDATE  DELETE  MEMBERS+  MEMBERS-  SAFETY",
      "att     dingtalk.PunchGroup           0       1       0      3000         0  ok",
      "hr      xinrenxinshi.Department       1       0       1         0         0  ok",
      "",
      "Plan: 1 to add, 1 to change, 1 to destroy; members: +3000 −0",
      "",
    ]);
    const md = renderMarkdown(plan, { summary: true });
    expect(md).toContain("| hr | xinrenxinshi.Department | 1 | 0 | **1** | 0 | 0 | ok |");
    expect(md).not.toContain("```diff");
    expect(JSON.parse(renderJsonSummary(plan)).groups).toEqual([
      { target: "att", kind: "dingtalk.PunchGroup", create: 0, update: 1, delete: 0, add: 3000, remove: 0, unsafe: [] },
      { target: "hr", kind: "xinrenxinshi.Department", create: 1, update: 0, delete: 1, add: 0, remove: 0, unsafe: [] },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { Action, Plan } from "../../src/model/plan.js";
import { renderMarkdown } from "../../src/render/markdown.js";

const fp = `sha256:${"0".repeat(64)}`;

function planOf(actions: Action[], safety: Plan["safety"] = { ok: true, violations: [] }): Plan {
  return {
    formatVersion: 1,
    targets: [
      { name: "hr", driver: "xinrenxinshi", endpoint: "https://x", credentials: {}, scope: [], fingerprint: fp },
      { name: "att", driver: "dingtalk", endpoint: "https://y", credentials: {}, scope: [], fingerprint: fp },
    ],
    actions,
    summary: {
      create: actions.filter((a) => a.op === "create").length,
      update: actions.filter((a) => a.op === "update").length,
      delete: actions.filter((a) => a.op === "delete").length,
      add: actions.reduce((n, a) => n + a.changes.reduce((m, c) => m + (c.add?.length ?? 0), 0), 0),
      remove: actions.reduce((n, a) => n + a.changes.reduce((m, c) => m + (c.remove?.length ?? 0), 0), 0),
    },
    safety,
  };
}

const act = (target: string, kind: string, key: string, op: Action["op"], changes: Action["changes"] = []): Action => ({ id: `${target}/${kind}/${key}`, target, kind, key, op, changes, dependsOn: [] });

describe("markdown plan", () => {
  it("starts with a summary table per target and kind, then one collapsible section per target", () => {
    const md = renderMarkdown(
      planOf([
        act("att", "dingtalk.PunchGroup", "g1", "update", [{ field: "members", add: ["u4"], remove: ["u1", "u2"] }]),
        act("hr", "xinrenxinshi.Department", "RD", "create", [{ field: "name", before: null, after: "研发" }]),
        act("hr", "xinrenxinshi.Department", "OLD", "delete"),
      ]),
    );

    expect(md).toContain("| att | dingtalk.PunchGroup | 0 | 1 | 0 | 1 | **2** | ok |");
    expect(md).toContain("| hr | xinrenxinshi.Department | 1 | 0 | **1** | 0 | 0 | ok |");
    expect(md).toContain("<details open><summary><b>hr</b> (xinrenxinshi): 2 changes</summary>");
    expect(md).toContain('```diff\n- xinrenxinshi.Department "OLD"\n```');
    expect(md).toContain('```diff\n! dingtalk.PunchGroup "g1"\n!     members: +1 −2\n+         u4\n-         u1\n-         u2\n```');
    expect(md.indexOf("| target |")).toBeLessThan(md.indexOf("<details"));
  });

  it("says an unsafe plan is unsafe at the top, with every reason", () => {
    const md = renderMarkdown(
      planOf([act("hr", "xinrenxinshi.Department", "A", "delete")], {
        ok: false,
        violations: [{ target: "hr", kind: "xinrenxinshi.Department", rule: "maxDeletePercent", message: "4 of 10 existing would be deleted" }],
      }),
    );

    const lines = md.split("\n");
    expect(lines.slice(2, 5)).toEqual(["> [!CAUTION]", "> **Unsafe plan.** `apply` will refuse it without `--force`:", "> - 4 of 10 existing would be deleted (`maxDeletePercent`)"]);
    expect(md).toContain("| **unsafe**: maxDeletePercent |");
  });

  it("cuts at an object boundary past the limit and says what was left out", () => {
    const many = Array.from({ length: 2000 }, (_, i) => act("hr", "xinrenxinshi.Department", `D${String(i).padStart(4, "0")}`, "create", [{ field: "name", before: null, after: `Department number ${i}` }]));

    const md = renderMarkdown(planOf(many));

    expect(md.length).toBeLessThanOrEqual(60_000);
    const shown = md.match(/```diff/g)?.length ?? 0;
    expect(shown).toBeGreaterThan(100);
    expect(md).toContain(`> **Cut here:** ${2000 - shown} more changes`);
    expect(md).toContain("The full plan is in the JSON plan file");
    expect(md.split("```").length % 2).toBe(1); // every code block that opens also closes
  });

  it("is not cut when it fits", () => {
    expect(renderMarkdown(planOf([act("hr", "xinrenxinshi.Department", "A", "delete")]))).not.toContain("Cut here");
  });
});

import { describe, expect, it } from "vitest";
import type { Action, Plan } from "../../src/model/plan.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderRequests } from "../../src/render/requests.js";
import { renderResults } from "../../src/render/results.js";
import { renderText } from "../../src/render/text.js";
import { renderTextSummary } from "../../src/render/summary.js";

const fp = `sha256:${"0".repeat(64)}`;

function planWith(actions: Action[], violations: Plan["safety"]["violations"] = []): Plan {
  return {
    formatVersion: 1,
    targets: [{ name: "att", driver: "dingtalk", endpoint: "https://x", credentials: {}, scope: [], fingerprint: fp }],
    actions,
    summary: { create: 0, update: actions.length, delete: 0, add: 1, remove: 1 },
    safety: { ok: violations.length === 0, violations },
  };
}

const update = (key: string, add: string[], remove: string[] = [], renamedFrom?: string): Action => ({
  id: `att/dingtalk.PunchGroup/${key}`,
  target: "att",
  kind: "dingtalk.PunchGroup",
  key,
  op: "update",
  changes: [{ field: "members", add, remove }],
  dependsOn: [],
  ...(renamedFrom === undefined ? {} : { renamedFrom }),
});

/** Every character a terminal or a markdown viewer would act on rather than show. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("vendor strings are escaped in every renderer", () => {
  it("markdown: a member id with a newline and a code fence stays inside its diff block", () => {
    const md = renderMarkdown(planWith([update("g1", ["evil\n```\n# Approved by security\n```diff"], ["bob"])]));

    const blockLines = md.split("\n").filter((l) => l.startsWith("```"));
    expect(blockLines).toHaveLength(2); // one fence opens, one closes: the content opened none
    expect(md).not.toContain("\n# Approved by security");
    expect(md).toContain("\\u000a");
  });

  it("markdown: a member id of backticks gets a longer fence than its content", () => {
    const md = renderMarkdown(planWith([update("g1", ["a````b"])]));
    expect(md).toContain("`````diff\n");
    expect(md.trimEnd().split("\n").filter((l) => /^`{5}$/.test(l))).toHaveLength(1);
  });

  it("markdown: `<!--` in a target name, key or violation cannot hide the rest of the comment", () => {
    const plan = planWith([update("<!-- g1", ["u1"])], [{ target: "att", kind: "dingtalk.PunchGroup", rule: "maxDelete", message: "<!-- hidden" }]);
    plan.targets[0]!.name = "att<!--";
    plan.actions[0]!.target = "att<!--";

    const md = renderMarkdown(plan);

    const outsideCode = md.replace(/```diff[\s\S]*?```/g, "");
    expect(outsideCode).not.toContain("<!--");
    expect(md).toContain("&#60;!-- hidden");
  });

  it("text: a carriage return cannot make a removal look like an addition", () => {
    const text = renderText(planWith([update("g1", [], ["ghost\r          + friend"])]));

    const removal = text.split("\n").find((l) => l.includes("ghost"));
    expect(removal).toBeDefined();
    expect(removal!.trimStart().startsWith("- ")).toBe(true);
    expect(text).not.toContain("\r");
    expect(text).toContain("ghost\\u000d");
  });

  it("text: ANSI escapes and bidi overrides in keys, members and renames are neutralised", () => {
    const text = renderText(planWith([update("g\u001b[2J1", ["\u001b[32mok\u001b[0m", "a\u202eb"], [], "old\u001b]0;title\u0007")]));
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain("\\u001b[32mok");
    expect(text).toContain("a\\u202eb");
  });

  it("summary, result table and dry-run requests escape control characters too", () => {
    const summary = renderTextSummary(planWith([update("g1", ["u"])], [{ target: "att", kind: "k", rule: "r", message: "bad\r\u001b[2K" }]));
    const results = renderResults([{ id: "att/k/\u001b[2Jx", target: "att", kind: "k", key: "x", op: "update", status: "failed", message: "vendor says\rdone\u001b[0m", calls: 1 }]);
    const requests = renderRequests([{ title: "att/k/\u001bx", requests: [{ method: "POST", url: "https://x/a?b=\u001b", headers: {}, body: "raw\r\nbody\u001b" }] }]);
    for (const out of [summary, results, requests]) expect(out.replace(/\n/g, "")).not.toMatch(CONTROL);
    expect(results).toContain("vendor says\\u000ddone");
  });
});

import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/plan.js";
import { renderText } from "../../src/render/text.js";

const base: Plan = {
  formatVersion: 1,
  targets: [{ name: "hr", driver: "test", endpoint: "https://x", credentials: {}, scope: [], fingerprint: `sha256:${"0".repeat(64)}` }],
  actions: [],
  summary: { create: 0, update: 0, delete: 0, add: 0, remove: 0 },
  safety: { ok: true, violations: [] },
};

describe("text plan", () => {
  it("says No changes when there is nothing to do", () => {
    expect(renderText(base)).toBe("No changes. The live state matches the manifests.\n");
  });

  it("shows creates, updates, renames, deletes and members, then the summary", () => {
    const plan: Plan = {
      ...base,
      actions: [
        { id: "hr/test.Dept/RD", target: "hr", kind: "test.Dept", key: "RD", op: "create", changes: [{ field: "name", before: null, after: "研发中心" }], dependsOn: [] },
        { id: "hr/test.Dept/OPS", target: "hr", kind: "test.Dept", key: "OPS", op: "update", renamedFrom: "IT", changes: [{ field: "code", before: "IT", after: "OPS" }, { field: "members", add: ["u4"], remove: ["u1"] }], dependsOn: [] },
        { id: "hr/test.Dept/OLD", target: "hr", kind: "test.Dept", key: "OLD", op: "delete", changes: [], dependsOn: [] },
      ],
      summary: { create: 1, update: 1, delete: 1, add: 1, remove: 1 },
    };

    expect(renderText(plan)).toBe(
      [
        "orgform will perform these actions (+ create, ~ update, - delete):",
        "",
        "Target hr (test)",
        '  + test.Dept "RD"',
        '      + name: "研发中心"',
        "",
        '  ~ test.Dept "OPS" (renamed from "IT")',
        '      ~ code: "IT" → "OPS"',
        "      ~ members: +1 −1",
        "          + u4",
        "          - u1",
        "",
        '  - test.Dept "OLD"',
        "",
        "Plan: 1 to add, 1 to change, 1 to destroy; members: +1 −1",
        "",
      ].join("\n"),
    );
  });

  it("puts an unsafe plan's reasons first and a refusal notice last", () => {
    const plan: Plan = {
      ...base,
      actions: [{ id: "hr/test.Dept/A", target: "hr", kind: "test.Dept", key: "A", op: "delete", changes: [], dependsOn: [] }],
      summary: { ...base.summary, delete: 1 },
      safety: { ok: false, violations: [{ target: "hr", kind: "test.Dept", rule: "maxDeletePercent", message: "1 of 2 existing test.Dept (50%) would be deleted" }] },
    };

    const lines = renderText(plan).trim().split("\n");

    expect(lines[0]).toBe("UNSAFE PLAN: the safety rules stopped it:");
    expect(lines[1]).toBe("  ! 1 of 2 existing test.Dept (50%) would be deleted [maxDeletePercent]");
    expect(lines[lines.length - 1]).toBe("This plan is UNSAFE: apply will refuse it without --force.");
  });
});

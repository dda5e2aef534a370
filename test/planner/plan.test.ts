import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/planner.js";
import { have, input, want } from "./builders.js";

describe("plan", () => {
  it("changes only managed fields", () => {
    const result = plan(input([want("A", { name: "New" })], [have("A", { name: "Old", parent: "X", members: ["u1"] })]));

    expect(result.actions).toEqual([
      { id: "t/test.Dept/A", target: "t", kind: "test.Dept", key: "A", op: "update", changes: [{ field: "name", before: "Old", after: "New" }], dependsOn: [] },
    ]);
  });

  it("clears a field set to null and leaves an absent one alone", () => {
    const result = plan(input([want("A", { parent: null })], [have("A", { name: "Keep", parent: "X" })]));

    expect(result.actions[0]?.changes).toEqual([{ field: "parent", before: "X", after: null }]);
  });

  it("diffs sets into add and remove, sorted", () => {
    const result = plan(input([want("A", { members: ["u3", "u1", "u9"] })], [have("A", { members: ["u2", "u1", "u0"] })]));

    expect(result.actions[0]?.changes).toEqual([{ field: "members", add: ["u3", "u9"], remove: ["u0", "u2"] }]);
    expect(result.summary).toEqual({ create: 0, update: 1, delete: 0, add: 2, remove: 2 });
  });

  it("never removes members under the additive policy, per kind or per item", () => {
    const byKind = plan(input([want("A", { members: ["u1"] })], [have("A", { members: ["u2"] })], { "test.Dept": { membersPolicy: "additive" } }));
    const byItem = plan(input([want("A", { members: ["u1"] }, { membersPolicy: "additive" })], [have("A", { members: ["u2"] })]));

    for (const r of [byKind, byItem]) expect(r.actions[0]?.changes).toEqual([{ field: "members", add: ["u1"], remove: [] }]);
  });

  it("ignores unmanaged live objects by default and deletes them under unmanaged: delete", () => {
    const live = [have("A"), have("B")];

    expect(plan(input([want("A")], live)).actions).toEqual([]);
    expect(plan(input([want("A")], live, { "test.Dept": { unmanaged: "delete" } })).actions.map((a) => [a.op, a.key])).toEqual([["delete", "B"]]);
  });

  it("deletes an item marked absent, and does nothing when it is already gone", () => {
    expect(plan(input([want("A", {}, { absent: true })], [have("A")])).actions.map((a) => a.op)).toEqual(["delete"]);
    expect(plan(input([want("A", {}, { absent: true })], [])).actions).toEqual([]);
  });

  it("creates parents before children and deletes children before parents", () => {
    const created = plan(input([want("C", { parent: "B" }), want("A"), want("B", { parent: "A" })], []));
    const deleted = plan(input([want("A", {}, { absent: true }), want("B", {}, { absent: true }), want("C", {}, { absent: true })], [have("A"), have("B", { parent: "A" }), have("C", { parent: "B" })]));

    expect(created.actions.map((a) => [a.key, a.dependsOn])).toEqual([
      ["A", []],
      ["B", ["t/test.Dept/A"]],
      ["C", ["t/test.Dept/B"]],
    ]);
    expect(deleted.actions.map((a) => [a.key, a.dependsOn])).toEqual([
      ["C", []],
      ["B", ["t/test.Dept/C"]],
      ["A", ["t/test.Dept/B"]],
    ]);
  });

  it("lets a delete wait for a child moving away, and refuses one that would orphan a child", () => {
    const moved = plan(input([want("A", {}, { absent: true }), want("B", { parent: "Z" }), want("Z")], [have("A"), have("B", { parent: "A" }), have("Z")]));
    const orphan = plan(input([want("A", {}, { absent: true })], [have("A"), have("B", { parent: "A" })]));

    expect(moved.actions.find((a) => a.key === "A")?.dependsOn).toEqual(["t/test.Dept/B"]);
    expect(orphan.problems.map((p) => p.message)).toEqual([expect.stringContaining('cannot delete t/test.Dept/A: t/test.Dept/B still refers to it through "parent"')]);
  });

  it("renames through previousKeys and through a pinned id instead of replacing", () => {
    const byPrevious = plan(input([want("NEW", { name: "n" }, { previousKeys: ["OLD"] })], [have("OLD", { name: "n" })], { "test.Dept": { unmanaged: "delete" } }));
    const byPin = plan(input([want("NEW", {}, { pins: { id: "id-OLD" } })], [have("OLD")], { "test.Dept": { unmanaged: "delete" } }));

    for (const r of [byPrevious, byPin]) {
      expect(r.actions).toEqual([expect.objectContaining({ op: "update", key: "NEW", renamedFrom: "OLD", changes: [{ field: "code", before: "OLD", after: "NEW" }] })]);
    }
  });

  it("reports a change to a read-only object as a problem, not an action", () => {
    const result = plan(input([want("A", { name: "x" })], [have("A", { name: "y" }, { readOnly: "synced from DingTalk" })]));

    expect(result.actions).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual(["t/test.Dept/A: is read-only (synced from DingTalk); orgform will not change it"]);
  });

  it("never touches live objects matching an ignore pattern, and refuses items that match one", () => {
    const policy = { "test.Dept": { unmanaged: "delete" as const, ignore: ["SYS-*"] } };
    const result = plan(input([want("A"), want("SYS-2", { name: "x" })], [have("A"), have("SYS-1"), have("SYS-2", { name: "y" })], policy));

    expect(result.actions.map((a) => a.key)).toEqual(["SYS-2"]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining("t/test.Dept/SYS-2: matches an ignore pattern")]);
  });
});

describe("plan at scale", () => {
  it("plans 150 000 creates of one kind (no argument-list limits on the way)", () => {
    const desired = Array.from({ length: 150_000 }, (_, i) => want(`P${i}`, { name: `n${i}` }));

    const result = plan(input(desired, []));

    expect(result.actions).toHaveLength(150_000);
    expect(result.summary.create).toBe(150_000);
  });
});

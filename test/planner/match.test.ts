import { describe, expect, it } from "vitest";
import type { KindModel } from "../../src/model/kind.js";
import { plan } from "../../src/planner/planner.js";
import { matchAll } from "../../src/planner/planner.js";
import { DEPT, have, want } from "./builders.js";

/** A tree kind whose parent reference the vendor stores by id, and a child kind keyed under a group. */
const LINKED: KindModel = { ...DEPT, fields: { ...DEPT.fields, parent: { type: "scalar", ref: DEPT.kind, linkedById: true }, note: { type: "scalar", writeOnly: true } } };
const GROUP: KindModel = { kind: "test.Group", keyField: "name", fields: { name: { type: "scalar" } }, create: true, delete: true };
const ROLE: KindModel = {
  kind: "test.Role",
  keyField: "name",
  fields: { group: { type: "scalar", ref: GROUP.kind, linkedById: true }, members: { type: "set" } },
  create: true,
  delete: true,
  keyParent: { field: "group", kind: GROUP.kind },
};
const KINDS = new Map([LINKED, GROUP, ROLE].map((k) => [k.kind, k]));
const scope = [DEPT.kind, GROUP.kind, ROLE.kind].map((kind) => ({ target: "t", kind }));
const inputOf = (desired: ReturnType<typeof want>[], live: ReturnType<typeof have>[]) => ({ desired, live, kinds: KINDS, policies: {}, scope });
const group = (key: string, pins: Record<string, unknown> = {}) => want(key, {}, { kind: GROUP.kind, pins });
const liveGroup = (key: string, id: number) => have(key, {}, { kind: GROUP.kind, ids: { group_no: id } });
const role = (group: string, name: string, members: string[] = []) => want(`${group}/${name}`, { group, members }, { kind: ROLE.kind });
const liveRole = (group: string, name: string, members: string[] = []) => have(`${group}/${name}`, { group, members }, { kind: ROLE.kind });

describe("matching items to live objects", () => {
  it("pairs by key, by pinned id, by previousKeys, and says which were renamed", () => {
    const matched = matchAll(inputOf([want("A"), want("B2", {}, { previousKeys: ["B"] }), group("G2", { group_no: 7 })], [have("A"), have("B"), liveGroup("G", 7)]));
    const pairs = matched.flatMap((m) => m.kind.matches.map((x) => [x.desired.key, x.live?.key, x.renamedFrom]));

    expect(pairs).toEqual([
      ["A", "A", undefined],
      ["B2", "B", "B"],
      ["G2", "G", "G"],
    ]);
  });

  it("never lets a rename take a live object another item names under its own key", () => {
    const matched = matchAll(inputOf([want("A"), want("X", {}, { previousKeys: ["A"] })], [have("A")]));

    expect(matched[0]?.kind.matches.map((m) => [m.desired.key, m.live?.key])).toEqual([
      ["A", "A"],
      ["X", undefined],
    ]);
  });

  it("leaves out a linkedById reference change that only follows a rename in the same plan", () => {
    const result = plan(inputOf([want("RD", {}, { previousKeys: ["RD-OLD"] }), want("PLAT", { parent: "RD" })], [have("RD-OLD"), have("PLAT", { parent: "RD-OLD" })]));

    expect(result.actions.map((a) => [a.key, a.op, a.renamedFrom])).toEqual([["RD", "update", "RD-OLD"]]);
  });

  it("keeps a linkedById change that points somewhere new", () => {
    const result = plan(inputOf([want("RD", {}, { previousKeys: ["RD-OLD"] }), want("PLAT", { parent: "HQ" })], [have("RD-OLD"), have("HQ"), have("PLAT", { parent: "RD-OLD" })]));

    expect(result.actions.find((a) => a.key === "PLAT")?.changes).toEqual([{ field: "parent", before: "RD-OLD", after: "HQ" }]);
  });

  it("keeps a child under its renamed parent as the same object, with no change of its own", () => {
    const result = plan(inputOf([group("新组", { group_no: 1 }), role("新组", "经理", ["u1"])], [liveGroup("旧组", 1), liveRole("旧组", "经理", ["u1"])]));

    expect(result.actions.map((a) => [a.kind, a.key, a.renamedFrom])).toEqual([["test.Group", "新组", "旧组"]]);
  });

  it("updates a child under its renamed parent in place when its own fields change", () => {
    const result = plan(inputOf([group("新组", { group_no: 1 }), role("新组", "经理", ["u1", "u2"])], [liveGroup("旧组", 1), liveRole("旧组", "经理", ["u1"])]));
    const roleAction = result.actions.find((a) => a.kind === ROLE.kind);

    expect(roleAction).toMatchObject({ op: "update", key: "新组/经理", renamedFrom: "旧组/经理" });
    expect(roleAction?.changes).toEqual([
      { field: "name", before: "旧组/经理", after: "新组/经理" },
      { field: "members", add: ["u2"], remove: [] },
    ]);
  });

  it("does not compare a writeOnly field the live object lacks, but does compare one it carries", () => {
    const unread = plan(inputOf([want("A", { note: "x" })], [have("A")]));
    const read = plan(inputOf([want("A", { note: "x" })], [have("A", { note: "y" })]));

    expect(unread.actions).toEqual([]);
    expect(read.actions[0]?.changes).toEqual([{ field: "note", before: "y", after: "x" }]);
  });
});

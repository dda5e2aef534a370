import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/planner.js";
import { have, input, want } from "./builders.js";

const live = (n: number, members = 0) =>
  Array.from({ length: n }, (_, i) => have(`D${String(i).padStart(3, "0")}`, { members: Array.from({ length: members }, (_, m) => `u${m}`) }));

describe("safety brakes", () => {
  it("passes 3 deletes of 10 (30%) and trips on 4 of 10", () => {
    const keepAllBut = (n: number) => live(10).slice(n).map((l) => want(l.key));
    const policy = { "test.Dept": { unmanaged: "delete" as const } };

    expect(plan(input(keepAllBut(3), live(10), policy)).safety.ok).toBe(true);
    const tripped = plan(input(keepAllBut(4), live(10), policy)).safety;
    expect(tripped.ok).toBe(false);
    expect(tripped.violations.map((v) => v.rule)).toEqual(["maxDeletePercent"]);
  });

  it("does not apply the percentage below minExisting objects", () => {
    const result = plan(input([want("D000")], live(9), { "test.Dept": { unmanaged: "delete" } }));

    expect(result.actions).toHaveLength(8);
    expect(result.safety.ok).toBe(true);
  });

  it("trips on more than maxDeleteCount deletes whatever the share", () => {
    const result = plan(input([want("keep")], [have("keep"), ...live(101)], { default: { unmanaged: "delete", maxDeletePercent: 100 } }));

    expect(result.safety.violations.map((v) => v.rule)).toEqual(["maxDeleteCount"]);
  });

  it("trips on mass member removals and honours a raised limit", () => {
    const desired = [want("D000", { members: ["u0"] })];

    // One object holds every member, so the per-object brake trips as well.
    expect(plan(input(desired, live(1, 20))).safety.violations.map((v) => v.rule)).toEqual(["maxRemovePercent", "maxObjectRemovePercent"]);
    expect(plan(input(desired, live(1, 20), { "test.Dept": { maxRemovePercent: 100 } })).safety.violations.map((v) => v.rule)).toEqual(["maxObjectRemovePercent"]);
    expect(plan(input(desired, live(1, 20), { "test.Dept": { maxRemovePercent: 100, maxObjectRemovePercent: 100 } })).safety.ok).toBe(true);
  });

  it("trips when a kind under unmanaged: delete loses every item from the manifests", () => {
    const result = plan(input([], live(3), { "test.Dept": { unmanaged: "delete" } }));

    expect(result.safety.violations.map((v) => v.rule)).toEqual(["scopeShrink"]);
  });
});

describe("the per-object brake", () => {
  /** Ten objects of `size` members each; D000 is to keep `keep` of its members. */
  const ten = (size: number) => live(10, size);
  const keepOf = (size: number, keep: number) => ten(size).map((l) => want(l.key, { members: l.key === "D000" ? Array.from({ length: keep }, (_, m) => `u${m}`) : (l.fields["members"] as string[]) }));
  const rules = (desired: ReturnType<typeof want>[], liveSet: ReturnType<typeof have>[], policy?: Parameters<typeof input>[2]) =>
    plan(input(desired, liveSet, policy)).safety.violations.map((v) => v.rule);

  it("trips when one object of 20 loses 11 members, though the kind as a whole loses 5%", () => {
    const result = plan(input(keepOf(20, 9), ten(20)));

    expect(result.safety.violations).toEqual([expect.objectContaining({ rule: "maxObjectRemovePercent", message: expect.stringContaining('11 of the 20 members of test.Dept "D000"') })]);
  });

  it("passes exactly half, and objects below 10 members", () => {
    expect(rules(keepOf(20, 10), ten(20))).toEqual([]);
    expect(rules(keepOf(9, 0), ten(9))).toEqual([]);
  });

  it("counts an object emptied entirely, and one of exactly 10 members", () => {
    expect(rules(keepOf(10, 0), ten(10))).toEqual(["maxObjectRemovePercent"]);
    expect(rules(keepOf(40, 0), ten(40))).toEqual(["maxObjectRemovePercent"]);
  });

  it("is configurable per kind and by default", () => {
    expect(rules(keepOf(20, 9), ten(20), { "test.Dept": { maxObjectRemovePercent: 60 } })).toEqual([]);
    expect(rules(keepOf(20, 9), ten(20), { default: { maxObjectRemovePercent: 60 } })).toEqual([]);
    expect(rules(keepOf(8, 0), ten(8), { "test.Dept": { minObjectMembers: 5 } })).toEqual(["maxObjectRemovePercent"]);
  });

  it("follows a renamed object to its live members", () => {
    const desired = keepOf(20, 9).map((d) => (d.key === "D000" ? want("NEW", d.fields, { previousKeys: ["D000"] }) : d));

    expect(rules(desired, ten(20))).toEqual(["maxObjectRemovePercent"]);
  });
});

describe("removals from deletes", () => {
  it("count the members of deleted objects toward the kind's removal brakes", () => {
    // 2 of 10 objects deleted (20%, under the delete brake), 2 × 30 of 300 members (20%, fine) ...
    const keepEight = live(10, 30).slice(2).map((l) => want(l.key, { members: l.fields["members"] as string[] }));
    expect(plan(input(keepEight, live(10, 30), { "test.Dept": { unmanaged: "delete" } })).safety.ok).toBe(true);
    // ... but 60 members gone exceeds a removal count limit of 50, with no set change at all.
    const tight = plan(input(keepEight, live(10, 30), { "test.Dept": { unmanaged: "delete", maxRemoveCount: 50 } })).safety;
    expect(tight.violations.map((v) => v.rule)).toEqual(["maxRemoveCount"]);
    expect(tight.violations[0]?.message).toContain("60 member removals");
  });
});

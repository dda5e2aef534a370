import { describe, expect, it } from "vitest";
import { plan } from "../../src/planner/plan.js";
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

    expect(plan(input(desired, live(1, 20))).safety.violations.map((v) => v.rule)).toEqual(["maxRemovePercent"]);
    expect(plan(input(desired, live(1, 20), { "test.Dept": { maxRemovePercent: 100 } })).safety.ok).toBe(true);
  });

  it("trips when a kind under unmanaged: delete loses every item from the manifests", () => {
    const result = plan(input([], live(3), { "test.Dept": { unmanaged: "delete" } }));

    expect(result.safety.violations.map((v) => v.rule)).toEqual(["scopeShrink"]);
  });
});

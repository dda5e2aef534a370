import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/model/plan.js";
import type { DesiredResource, LiveResource } from "../../src/model/resource.js";
import { plan } from "../../src/planner/planner.js";
import { have, input, want } from "./builders.js";

const key = fc.constantFrom("A", "B", "C", "D", "E", "F");
const member = fc.constantFrom("u1", "u2", "u3", "u4", "u5");
const fields = fc.record(
  { name: fc.constantFrom("x", "y", "z"), members: fc.uniqueArray(member).map((m) => [...m].sort()) },
  { requiredKeys: [] },
);
const liveSet = fc.uniqueArray(fc.tuple(key, fields), { selector: ([k]) => k }).map((rows) => rows.map(([k, f]) => have(k, f)));
const desiredSet = fc.uniqueArray(fc.tuple(key, fields), { selector: ([k]) => k }).map((rows) => rows.map(([k, f]) => want(k, f)));

/** What live state looks like after the actions succeed (managed fields only). */
function applyActions(live: LiveResource[], actions: Action[]): LiveResource[] {
  const byKey = new Map(live.map((l) => [l.key, { ...l, fields: { ...l.fields } }]));
  for (const a of actions) {
    if (a.op === "delete") {
      byKey.delete(a.key);
      continue;
    }
    const res = byKey.get(a.key) ?? have(a.key);
    for (const c of a.changes) {
      if (c.add || c.remove) {
        const set = new Set((res.fields[c.field] as string[] | undefined) ?? []);
        for (const m of c.remove ?? []) set.delete(m);
        for (const m of c.add ?? []) set.add(m);
        res.fields[c.field] = [...set].sort();
      } else res.fields[c.field] = c.after;
    }
    byKey.set(a.key, res);
  }
  return [...byKey.values()];
}

const asLive = (d: DesiredResource[]) => d.map((x) => have(x.key, x.fields));

describe("planner laws", () => {
  it("plan(x, x) is empty", () => {
    fc.assert(fc.property(desiredSet, (d) => plan(input(d, asLive(d))).actions.length === 0));
  });

  it("applying plan(d, l) to l gives d on managed fields, and then nothing is left to do", () => {
    fc.assert(
      fc.property(desiredSet, liveSet, (d, l) => {
        const after = applyActions(l, plan(input(d, l)).actions);
        for (const want of d) {
          const got = after.find((x) => x.key === want.key);
          // A new object with an empty set reads back as an empty set.
          for (const [f, v] of Object.entries(want.fields)) expect(got?.fields[f] ?? (Array.isArray(v) ? [] : undefined)).toEqual(v);
        }
        expect(plan(input(d, after)).actions).toEqual([]);
      }),
    );
  });

  it("does not depend on the order of its input", () => {
    // A permutation of each list: a subarray as long as the list, in shuffled order.
    const shuffled = <T>(xs: T[]) => fc.shuffledSubarray(xs, { minLength: xs.length });
    const inputs = fc.tuple(desiredSet, liveSet).chain(([d, l]) => fc.tuple(fc.constant(d), fc.constant(l), shuffled(d), shuffled(l)));
    fc.assert(
      fc.property(inputs, ([d, l, dShuffled, lShuffled]) => {
        const policy = { "test.Dept": { unmanaged: "delete" as const } };
        expect(JSON.stringify(plan(input(dShuffled, lShuffled, policy)))).toBe(JSON.stringify(plan(input(d, l, policy))));
      }),
    );
  });

  it("never removes a member under the additive policy", () => {
    fc.assert(
      fc.property(desiredSet, liveSet, (d, l) => {
        const actions = plan(input(d, l, { "test.Dept": { membersPolicy: "additive" } })).actions;
        return actions.every((a) => a.changes.every((c) => (c.remove ?? []).length === 0));
      }),
    );
  });

  it("never touches a live object an ignore pattern matches", () => {
    fc.assert(
      fc.property(desiredSet, liveSet, (d, l) => {
        const policy = { "test.Dept": { unmanaged: "delete" as const, ignore: ["A", "B*"] } };
        const desired = d.filter((x) => x.key !== "A" && x.key !== "B");
        return plan(input(desired, l, policy)).actions.every((a) => a.key !== "A" && a.key !== "B");
      }),
    );
  });
});

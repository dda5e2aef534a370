import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { fingerprint, stableJson } from "../../src/engine/fingerprint.js";
import type { PlanTarget } from "../../src/model/plan.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { planDir, useEmulator } from "../helpers/orgform.js";

describe("fingerprint", () => {
  const a = { target: "t", kind: "k", key: "a", fields: { name: "x", members: ["u1", "u2"] }, ids: { id: 1 } };
  const b = { target: "t", kind: "k", key: "b", fields: { nested: { z: 1, a: [{ y: 2, b: 3 }] } }, ids: {} };

  it("does not depend on object order or key order", () => {
    const reordered = { ...b, fields: { nested: { a: [{ b: 3, y: 2 }], z: 1 } } };

    expect(fingerprint([a, b])).toBe(fingerprint([reordered, a]));
  });

  it("changes when any value changes", () => {
    expect(fingerprint([a, b])).not.toBe(fingerprint([{ ...a, fields: { ...a.fields, members: ["u1"] } }, b]));
    expect(fingerprint([a])).not.toBe(fingerprint([{ ...a, readOnly: "synced" }]));
  });

  it("writes flat and nested objects with sorted keys, and drops undefined", () => {
    expect(stableJson({ b: 1, a: [2, "x"], c: undefined })).toBe('{"a":[2,"x"],"b":1}');
    expect(stableJson({ b: { d: 1, c: 2 }, a: null })).toBe('{"a":null,"b":{"c":2,"d":1}}');
  });
});

describe("a plan's fingerprint", () => {
  const emulators = useEmulator();

  it("is the fingerprint of the live state the plan was made from, read when asked, and part of the plan's JSON", async () => {
    const em = await emulators.start(readStateFile(exampleOf("dingtalk").state));
    const run = await planDir(exampleOf("dingtalk").dir, exampleEnv("dingtalk", em.url));
    const target = run.plan.targets[0] as PlanTarget;
    const live = run.state.live.get(target.name) ?? [];

    const before = [...live];
    live.pop(); // the plan covers the objects it was made from, whatever happens to the list later

    expect(Object.isFrozen(target)).toBe(true);
    expect(target.fingerprint).toBe(fingerprint(before));
    expect(target.fingerprint).not.toBe(fingerprint(live));
    expect(target.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(JSON.stringify(run.plan)).targets[0].fingerprint).toBe(target.fingerprint);
  });
});

import { describe, expect, it } from "vitest";
import { fingerprint, stableJson } from "../../src/engine/fingerprint.js";

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

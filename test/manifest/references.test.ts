import { describe, expect, it } from "vitest";
import { checkReferences } from "../../src/manifest/references.js";
import { KINDS, want } from "../planner/builders.js";

describe("references between manifest items", () => {
  it("accepts references to present items", () => {
    expect(checkReferences([want("A"), want("B", { parent: "A" })], KINDS)).toEqual([]);
  });

  it("names a dangling reference and where it was written", () => {
    const b = want("B", { parent: "NOPE" }, { fieldSources: { parent: { file: "d.yaml", line: 9, column: 13 } } });

    expect(checkReferences([b], KINDS)).toEqual([
      { source: { file: "d.yaml", line: 9, column: 13 }, path: "parent", message: 'refers to test.Dept "NOPE", which no manifest for target "t" defines' },
    ]);
  });

  it("refuses a reference to an item marked absent", () => {
    const problems = checkReferences([want("A", {}, { absent: true }), want("B", { parent: "A" })], KINDS);

    expect(problems.map((p) => p.message)).toEqual(['refers to test.Dept "A", which is marked absent']);
  });

  it("reports a reference cycle once, naming its members", () => {
    const problems = checkReferences([want("A", { parent: "C" }), want("B", { parent: "A" }), want("C", { parent: "B" }), want("D", { parent: "A" })], KINDS);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^forms a reference cycle: [ABC] → [ABC] → [ABC] → [ABC]$/);
  });
});

import { describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { renderResults } from "../../src/render/results.js";

describe("result table", () => {
  it("lists every action with its outcome, the vendor's code and message, and counts", () => {
    const text = renderResults([
      { id: "t/k/a", target: "t", kind: "k", key: "a", op: "create", status: "done", calls: 1 },
      { id: "t/k/b", target: "t", kind: "k", key: "b", op: "update", status: "failed", code: 60121, message: "user not found: ghost", calls: 0 },
      { id: "t/k/c", target: "t", kind: "k", key: "c", op: "create", status: "skipped", message: "not attempted: t/k/b did not succeed", calls: 0 },
    ]);

    expect(text.split("\n")).toEqual([
      "STATUS   OP     ACTION CALLS  DETAIL",
      "done     create t/k/a      1",
      "failed   update t/k/b      0  [60121] user not found: ghost",
      "skipped  create t/k/c      0  not attempted: t/k/b did not succeed",
      "",
      "Apply: 1 done, 1 failed, 1 skipped.",
      "",
    ]);
  });
});

describe("result table with Chinese keys", () => {
  it("lines up columns by display width (a CJK character takes two columns)", () => {
    const text = renderResults([
      { id: "hr/k/研发部", target: "hr", kind: "k", key: "研发部", op: "create", status: "done", calls: 1 },
      { id: "hr/k/RD-dept", target: "hr", kind: "k", key: "RD-dept", op: "create", status: "done", calls: 12 },
    ]);
    const [, first = "", second = ""] = text.split("\n");
    // The CALLS column is right-aligned, so aligned rows end in the same terminal column.
    expect(stringWidth(first)).toBe(stringWidth(second));
    expect(first).toBe("done     create hr/k/研发部      1");
  });
});

import { describe, expect, it } from "vitest";
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

import { describe, expect, it } from "vitest";
import type { KindModel } from "../../src/model/kind.js";
import type { Action, Plan } from "../../src/model/plan.js";
import { renderJson } from "../../src/render/json.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderText } from "../../src/render/text.js";

const person: KindModel = {
  kind: "test.Person",
  keyField: "id",
  create: true,
  delete: true,
  fields: {
    name: { type: "scalar" },
    certificateNo: { type: "scalar", sensitive: true },
    "phone.*": { type: "scalar", sensitive: true },
    watchers: { type: "set", sensitive: true },
  },
};
const kinds = new Map([[person.kind, person]]);

const actions: Action[] = [
  {
    id: "hr/test.Person/p1",
    target: "hr",
    kind: "test.Person",
    key: "p1",
    op: "create",
    changes: [
      { field: "name", before: null, after: "张三" },
      { field: "certificateNo", before: null, after: "E12345678" },
    ],
    dependsOn: [],
  },
  {
    id: "hr/test.Person/p2",
    target: "hr",
    kind: "test.Person",
    key: "p2",
    op: "update",
    changes: [
      { field: "phone.mobile", before: "135******78", after: "13512345678" },
      { field: "certificateNo", before: "G0001", after: null },
      { field: "watchers", add: ["13900000000"], remove: [] },
    ],
    dependsOn: [],
  },
];
const plan: Plan = {
  formatVersion: 1,
  targets: [{ name: "hr", driver: "isdp", endpoint: "https://x", credentials: {}, scope: [], fingerprint: `sha256:${"0".repeat(64)}` }],
  actions,
  summary: { create: 1, update: 1, delete: 0, add: 1, remove: 0 },
  safety: { ok: true, violations: [] },
};
const SECRETS = ["E12345678", "13512345678", "G0001", "13900000000"];

describe("personal data in plans", () => {
  it("text and markdown say that a sensitive field changes, never its value", () => {
    const text = renderText(plan, undefined, { kinds });
    const md = renderMarkdown(plan, { kinds });
    for (const out of [text, md]) {
      for (const value of SECRETS) expect(out).not.toContain(value);
      expect(out).toContain("certificateNo: (sensitive value)");
      expect(out).toContain("phone.mobile: (sensitive value changed)");
      expect(out).toContain("certificateNo: (sensitive value removed)");
      expect(out).toContain("watchers: +1 −0 (sensitive values not shown)");
      expect(out).toContain('name: "张三"');
    }
  });

  it("the JSON plan keeps every value, for tools and for apply", () => {
    const json = renderJson(plan);
    for (const value of SECRETS) expect(json).toContain(value);
  });

  it("without the kind models nothing is masked (the renderers know no kinds of their own)", () => {
    expect(renderText(plan)).toContain("E12345678");
  });
});

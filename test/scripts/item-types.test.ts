import { describe, expect, it } from "vitest";
import { itemTypes } from "../../scripts/item-types/item-file.js";
import { itemFilePath } from "../../scripts/item-types/files.js";
import type { Schema } from "../../scripts/item-types/refs.js";

const COMMON = {
  $defs: {
    absent: { type: "boolean" },
    count: { type: "integer", minimum: 0 },
  },
};
const SELECTORS = {
  $defs: {
    handle: { type: "string" },
    selector: { oneOf: [{ type: "object", required: ["person"], properties: { person: { $ref: "#/$defs/handle" } } }] },
  },
};

/** The generated text for a kind `acme.Thing` whose item schema is `item` (with `defs` beside it). */
function generate(item: Schema, defs: Record<string, Schema> = {}): string {
  const kind = { properties: { kind: { const: "acme.Thing" }, items: { type: "array", items: { $ref: "#/$defs/item" } } }, $defs: { ...defs, item } };
  const files: Record<string, Schema> = { "kinds/acme.Thing.schema.json": kind, "common.schema.json": COMMON, "org/selector.schema.json": SELECTORS };
  return itemTypes("kinds/acme.Thing.schema.json", (file) => {
    const schema = files[file];
    if (schema === undefined) throw new Error(`no ${file}`);
    return schema;
  }).text;
}

const object = (properties: Record<string, Schema>, extra: Record<string, unknown> = {}): Schema => ({ type: "object", additionalProperties: false, properties, ...extra });

describe("item types from a kind schema", () => {
  it("names the item type after the kind and says where it comes from", () => {
    const text = generate(object({ id: { type: "string" } }, { required: ["id"] }));

    expect(text).toMatch(/^\/\/ Generated from schemas\/kinds\/acme\.Thing\.schema\.json by `npm run gen:item-types`; do not edit\.\n/);
    expect(text).toContain("export type ThingItem = {\n  id: string;\n};\n");
  });

  it("makes a property optional unless the object requires it, and keeps its description", () => {
    const text = generate(object({ id: { type: "string" }, note: { type: "string", description: "Free text." } }, { required: ["id"] }));

    expect(text).toContain("  id: string;\n  /** Free text. */\n  note?: string;\n");
  });

  it("writes scalars, nullable types, enums and consts", () => {
    const text = generate(
      object({
        n: { type: "integer" },
        x: { type: "number" },
        on: { type: "boolean" },
        text: { type: ["string", "null"] },
        flag: { type: "integer", enum: [0, 1] },
        level: { enum: ["low", "high"] },
        version: { const: "v1" },
      }),
    );

    expect(text).toContain("  n?: number;\n  x?: number;\n  on?: boolean;\n  text?: string | null;\n  flag?: 0 | 1;\n  level?: \"low\" | \"high\";\n  version?: \"v1\";\n");
  });

  it("writes oneOf and anyOf as unions, and arrays of unions in brackets", () => {
    const text = generate(
      object({
        codes: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
        ids: { type: "array", items: { anyOf: [{ type: "integer" }, { type: "string" }] } },
        members: { type: "array", items: { oneOf: [{ type: "string" }, object({ member_id: { type: "string" }, type: { enum: [0, 1] } }, { required: ["member_id"] })] } },
      }),
    );

    expect(text).toContain("  codes?: string | string[];\n");
    expect(text).toContain("  ids?: (number | string)[];\n");
    expect(text).toContain("  members?: (string | { member_id: string; type?: 0 | 1 })[];\n");
  });

  it("follows $refs into common.schema.json, and names the kind's own object definitions", () => {
    const text = generate(object({ size: { $ref: "../common.schema.json#/$defs/count" }, rows: { type: "array", items: { $ref: "#/$defs/row" } }, label: { $ref: "#/$defs/text" } }), {
      row: object({ name: { type: "string" } }, { required: ["name"], description: "One row." }),
      text: { type: "string", maxLength: 10 },
    });

    expect(text).toContain("  size?: number;\n  rows?: ThingRow[];\n  label?: string;\n");
    expect(text).toContain("/** One row. */\nexport type ThingRow = {\n  name: string;\n};\n");
  });

  it("leaves out the common fields of the item, but not of the objects inside it", () => {
    const text = generate(object({ id: { type: "string" }, absent: { $ref: "../common.schema.json#/$defs/absent" }, rows: { type: "array", items: object({ absent: { type: "boolean" } }) } }));

    expect(text).toContain("export type ThingItem = {\n  id?: string;\n  rows?: { absent?: boolean }[];\n};\n");
  });

  it("leaves out org syntax: selectors in a union, and a property that only holds a handle", () => {
    const text = generate(
      object({
        members: { type: "array", items: { anyOf: [{ type: "string" }, { $ref: "../org/selector.schema.json#/$defs/selector" }] } },
        person: { $ref: "../org/selector.schema.json#/$defs/handle" },
      }),
    );

    expect(text).toContain("export type ThingItem = {\n  members?: string[];\n};\n");
  });

  it("adds no type for anyOf branches that only list required properties", () => {
    const text = generate(object({ code: { type: "string" }, person: { type: "string" } }, { anyOf: [{ required: ["code"], properties: { code: true } }, { required: ["person"] }] }));

    expect(text).toContain("export type ThingItem = {\n  code?: string;\n  person?: string;\n};\n");
  });

  it("writes additionalProperties and patternProperties as an index signature that admits the named properties", () => {
    const text = generate(
      object({
        fields: { type: "object", additionalProperties: { type: ["string", "null"] } },
        tags: { type: "object", additionalProperties: false, patternProperties: { "^x-": { type: "string" }, "^n-": { type: "integer" } } },
        open: { type: "object", properties: { id: { type: "string" } } },
      }),
    );

    expect(text).toContain("  fields?: Record<string, string | null>;\n");
    expect(text).toContain("  tags?: Record<string, string | number>;\n");
    expect(text).toContain("  open?: { id?: string; [key: string]: unknown };\n");
  });

  it("refuses a kind schema whose items it cannot find", () => {
    const read = () => ({ properties: { kind: { const: "acme.Thing" } } });

    expect(() => itemTypes("kinds/acme.Thing.schema.json", read)).toThrow("properties.items.items does not describe the items");
  });
});

describe("generated file paths", () => {
  it("put a kind's item types beside its file in the driver's kinds/", () => {
    expect(itemFilePath("dingtalk.PunchGroup")).toBe("src/drivers/dingtalk/kinds/punch-group.item.ts");
    expect(itemFilePath("o2oa.Unit")).toBe("src/drivers/o2oa/kinds/unit.item.ts");
  });
});

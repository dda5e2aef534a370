import type { FieldSpec } from "../../driver.js";

export const PERSON = "isdp.Person";

/**
 * How a person field travels:
 * - `string`: text, sent as written;
 * - `int`: an Integer flag or status, compared as a number;
 * - `long`: a Long id (file, group, signature), kept as decimal text so ids beyond 2^53 survive;
 * - `list`: a comma-separated list of codes, compared as a set and sent in the written order.
 */
export type WireKind = "string" | "int" | "long" | "list";

export interface PersonField {
  kind: WireKind;
  /** An `int` the vendor's request example sends as a JSON string ("1"), so orgform does too. */
  quoted?: boolean;
  /** The list API returns the value partly hidden (phone numbers). */
  masked?: boolean;
}

const udf = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`udfExtend${i + 1}`, { kind: "string" } as PersonField]));

/**
 * Every managed person field, in the order the vendor's request example lists them (the seed
 * page of batchUpdatePerson); fields that example leaves out follow where the field table puts
 * them. `personCode` is the key and is placed by `WIRE_ORDER`.
 */
export const PERSON_FIELDS: Record<string, PersonField> = {
  orgNo: { kind: "string" },
  personGroupId: { kind: "long" },
  personName: { kind: "string" },
  qualificationCode: { kind: "list" },
  personType: { kind: "string" },
  roleNo: { kind: "list" },
  positionCode: { kind: "list" },
  ...udf,
  firstName: { kind: "string" },
  lastName: { kind: "string" },
  description: { kind: "string" },
  email: { kind: "string" },
  phone: { kind: "string", masked: true },
  customerCode: { kind: "string" },
  supplierCode: { kind: "string" },
  openAccount: { kind: "int", quoted: true },
  headFileId: { kind: "long" },
  faceFileId: { kind: "long" },
  status: { kind: "int", quoted: true },
  integrationAccount: { kind: "string" },
  isSmartDevice: { kind: "string" },
  registerFace: { kind: "int" },
  blackList: { kind: "int" },
  reason: { kind: "string" },
  electronicSignatureId: { kind: "long" },
  language: { kind: "string" },
  certificateType: { kind: "string" },
  certificateNo: { kind: "string" },
};

/** Field order of one `personList` row: the seed's, with `personCode` second. */
export const WIRE_ORDER: string[] = (() => {
  const names = Object.keys(PERSON_FIELDS);
  return [names[0] as string, "personCode", ...names.slice(1)];
})();

/** The planner's view: lists compare as sets, the phone through the vendor's mask. */
export const PERSON_FIELD_SPECS: Record<string, FieldSpec> = Object.fromEntries(
  Object.entries(PERSON_FIELDS).map(([name, f]): [string, FieldSpec] => {
    if (f.kind === "list") return [name, { type: "scalar", unordered: true }];
    if (f.masked) return [name, { type: "scalar", maskedBy: "*" }];
    return [name, { type: "scalar" }];
  }),
);

/** Manifest value → canonical value (the schema has already checked the shape). */
export function canonicalValue(field: PersonField, value: unknown): unknown {
  switch (field.kind) {
    case "string":
      return String(value);
    case "int":
      return Number(value);
    case "long":
      return decimal(value);
    case "list":
      return splitList(value);
  }
}

/** A value as the vendor answered it → canonical value, or undefined when it holds nothing. */
export function liveValue(field: PersonField, value: unknown): unknown {
  if (value === null || value === undefined || value === "") return undefined;
  switch (field.kind) {
    case "string":
      return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
    case "int": {
      const n = Number(value);
      return Number.isInteger(n) ? n : undefined;
    }
    case "long":
      return /^\d+$/.test(String(value)) ? decimal(value) : undefined;
    case "list": {
      const list = splitList(value);
      return list.length ? list : undefined;
    }
  }
}

/** Canonical value → the JSON value one `personList` row carries. */
export function wireValue(field: PersonField, value: unknown): unknown {
  switch (field.kind) {
    case "string":
    case "long":
      return String(value);
    case "int":
      return field.quoted ? String(value) : Number(value);
    case "list":
      return (value as string[]).join(",");
  }
}

/** `"a,b"` or `[a, b]` → `["a", "b"]`: trimmed, empty entries dropped, first occurrence kept. */
export function splitList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : String(value).split(",");
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ""))];
}

function decimal(value: unknown): string {
  const text = String(value).trim();
  return /^\d+$/.test(text) ? BigInt(text).toString() : text;
}

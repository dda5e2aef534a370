import type { FieldSpec } from "../../driver.js";
import type { PersonItem } from "./person.item.js";

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
  /** getPersonList does not return it (its response example and field table lack it). */
  unlisted?: boolean;
  /** Personal data: an identity document number, a phone number, an email address. */
  sensitive?: boolean;
  /** person/batchUpdate (api_01_0120) accepts it, so persons stored without `@hw` can change it. */
  plain?: boolean;
}

/** The fields of a person item besides its key. */
export type PersonFieldName = Exclude<keyof PersonItem, "personCode">;

/**
 * Every managed person field, in the order the vendor's request example lists them
 * (https://support.huaweicloud.com/api-isdp/api_01_0402.html); fields that example leaves out
 * follow where the field table puts them. `personCode` is the key and is placed by `WIRE_ORDER`.
 * What getPersonList returns follows its page (api_01_0395).
 * It names every field of the kind's item type, and only those.
 */
export const PERSON_FIELDS: Record<string, PersonField> = {
  orgNo: { kind: "string", plain: true },
  personGroupId: { kind: "long", unlisted: true },
  personName: { kind: "string", plain: true },
  qualificationCode: { kind: "list", unlisted: true },
  personType: { kind: "string", plain: true },
  roleNo: { kind: "list", plain: true },
  positionCode: { kind: "list", plain: true },
  udfExtend1: { kind: "string", plain: true },
  udfExtend2: { kind: "string", plain: true },
  udfExtend3: { kind: "string", plain: true },
  udfExtend4: { kind: "string", plain: true },
  // udfExtend5 and 6 (date-times) are missing from getPersonList's response example.
  udfExtend5: { kind: "string", plain: true, unlisted: true },
  udfExtend6: { kind: "string", plain: true, unlisted: true },
  udfExtend7: { kind: "string", plain: true },
  udfExtend8: { kind: "string", plain: true },
  udfExtend9: { kind: "string", plain: true },
  udfExtend10: { kind: "string", plain: true },
  firstName: { kind: "string", unlisted: true },
  lastName: { kind: "string", unlisted: true },
  description: { kind: "string", unlisted: true },
  email: { kind: "string", unlisted: true, sensitive: true },
  phone: { kind: "string", masked: true, sensitive: true, plain: true },
  customerCode: { kind: "string", unlisted: true, plain: true },
  supplierCode: { kind: "string", unlisted: true, plain: true },
  openAccount: { kind: "int", quoted: true, unlisted: true },
  headFileId: { kind: "long", unlisted: true },
  faceFileId: { kind: "long", unlisted: true },
  status: { kind: "int", quoted: true, unlisted: true },
  integrationAccount: { kind: "string" },
  isSmartDevice: { kind: "string" },
  registerFace: { kind: "int", unlisted: true },
  blackList: { kind: "int" },
  reason: { kind: "string" },
  electronicSignatureId: { kind: "long", unlisted: true },
  language: { kind: "string", unlisted: true },
  certificateType: { kind: "string" },
  certificateNo: { kind: "string", sensitive: true },
} satisfies Record<PersonFieldName, PersonField>;

/** Field order of one `personList` row: api_01_0402's request example, with `personCode` second. */
export const WIRE_ORDER: string[] = (() => {
  const names = Object.keys(PERSON_FIELDS);
  return [names[0] as string, "personCode", ...names.slice(1)];
})();

/**
 * The planner's view: lists compare as sets, the phone through the vendor's mask; a field the
 * list does not return is not compared when the live person lacks it; personal data is marked.
 */
export const PERSON_FIELD_SPECS: Record<string, FieldSpec> = Object.fromEntries(
  Object.entries(PERSON_FIELDS).map(([name, f]): [string, FieldSpec] => {
    const spec: FieldSpec = { type: "scalar" };
    if (f.kind === "list") spec.unordered = true;
    if (f.masked) spec.maskedBy = "*";
    if (f.unlisted) spec.writeOnly = true;
    if (f.sensitive) spec.sensitive = true;
    return [name, spec];
  }),
);

/** Each field's place in PERSON_FIELDS. */
const FIELD_ORDER = new Map(Object.keys(PERSON_FIELDS).map((name, i) => [name, i]));

/**
 * An item's fields in canonical form, in PERSON_FIELDS order whatever order the item writes
 * them in. Walks the item's few fields rather than the table's many: this runs once per person.
 */
export function canonicalFields(item: Record<string, unknown>): Record<string, unknown> {
  const names: string[] = [];
  let ordered = true;
  let last = -1;
  for (const name in item) {
    const at = FIELD_ORDER.get(name);
    if (at === undefined || item[name] === undefined || item[name] === null) continue;
    if (at < last) ordered = false;
    last = at;
    names.push(name);
  }
  if (!ordered) names.sort((a, b) => (FIELD_ORDER.get(a) ?? 0) - (FIELD_ORDER.get(b) ?? 0));
  const fields: Record<string, unknown> = {};
  for (const name of names) fields[name] = canonicalValue(PERSON_FIELDS[name] as PersonField, item[name]);
  return fields;
}

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

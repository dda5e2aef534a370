/** A capability is either supported, or not, with the reason a user will read. */
export type Capability = true | { cannot: string };

export function can(capability: Capability | undefined): boolean {
  return capability === true;
}

export function reasonOf(capability: Capability | undefined): string {
  return capability === undefined || capability === true ? "" : capability.cannot;
}

export interface FieldSpec {
  /** `scalar` values are compared whole; `set` lists are diffed into add/remove. */
  type: "scalar" | "set";
  /** The field holds the key of another resource of this kind (same target). */
  ref?: string;
  /**
   * A scalar list whose order the vendor does not keep: compared as a set, but sent in the
   * order the manifest wrote it (for vendors that take a comma-separated list).
   */
  unordered?: boolean;
  /**
   * The vendor reads this string back with characters hidden by this mask character (a phone
   * shown as `135******78`): such a live value matches a desired value of the same length that
   * agrees on every character the mask does not hide.
   */
  maskedBy?: string;
  /**
   * For `ref` fields: the vendor stores the reference by id, so when the referenced object is
   * renamed in the same plan the reference follows by itself. A change of this field that only
   * follows such a rename needs no call, and the planner leaves it out of the plan.
   */
  linkedById?: boolean;
  /**
   * Personal data (an identity document number, a phone number): text and markdown plans show
   * that the value changes, never the value; the JSON plan keeps it for tools.
   */
  sensitive?: boolean;
  /**
   * The vendor's list does not return this field: it is sent when the object is written, but
   * a live object that lacks it is not compared on it (no change shown on every plan).
   */
  writeOnly?: boolean;
}

/**
 * The spec of a canonical field: its own entry, or the entry of its family. A family entry is
 * named `<prefix>.*` and covers every field `<prefix>.<name>` (a kind that flattens a nested
 * list keyed by name, such as `duty.<name>`, declares the family once).
 */
export function fieldSpecOf(fields: Record<string, FieldSpec>, field: string): FieldSpec | undefined {
  const own = fields[field];
  if (own !== undefined) return own;
  const dot = field.indexOf(".");
  return dot > 0 ? fields[`${field.slice(0, dot)}.*`] : undefined;
}

/** What the planner needs to know about a kind: its fields and which operations exist. */
export interface KindModel {
  kind: string;
  /** The item field that holds the key, for messages and `import`. */
  keyField: string;
  fields: Record<string, FieldSpec>;
  create: Capability;
  delete: Capability;
  /**
   * The key is `<parent key>/<own part>`, where the parent is the resource of `kind` named by
   * the item's `field` (a Jiandaoyun role under its group). When the parent is renamed, an item
   * whose own part is unchanged is the same live object under the parent's old key.
   */
  keyParent?: { field: string; kind: string };
}

const refCache = new WeakMap<KindModel, [string, string][]>();

/** A kind's reference fields, each with the kind it points at (computed once per kind). */
export function refFields(model: KindModel): [string, string][] {
  let refs = refCache.get(model);
  if (!refs) {
    refs = Object.entries(model.fields).flatMap(([field, spec]): [string, string][] => (spec.ref ? [[field, spec.ref]] : []));
    refCache.set(model, refs);
  }
  return refs;
}

/** Whether any field (or field family) of the kind is a set. */
export function hasSetFields(model: KindModel): boolean {
  return Object.values(model.fields).some((f) => f.type === "set");
}

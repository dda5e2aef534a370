/** How a department custom field's values are checked. */
export type FieldKind = "text" | "number" | "date" | "option" | "city" | "district" | "other";

export interface FieldDefinition {
  name: string;
  kind: FieldKind;
  /** Longest text value, in characters (text fields). */
  maxLength?: number;
  /** Allowed values (option fields). */
  options?: string[];
}

/**
 * The tenant settings that decide whether a department is valid: its department types, its
 * department custom fields and, when a field takes a region, the region codes. Read by fetch,
 * used by `check` at plan time.
 */
export interface Catalog {
  /** departType → departTypeName. */
  types: Map<number, string>;
  /** By display name; undefined when the tenant's field definitions could not be read. */
  fields?: Map<string, FieldDefinition>;
  /** Area codes by precision; read only when a region field exists. */
  regions?: { city: Set<string>; district: Set<string> };
}

/**
 * The field-type codes of the vendor's field settings (the same numbering the employee field
 * settings use): 0 single-line text, 1 multi-line text, 2 date, 3 option, 6 region to the
 * district, 7 region to the city, 12 number.
 */
const KIND_OF_CODE: Record<string, FieldKind> = { "0": "text", "1": "text", "2": "date", "3": "option", "6": "district", "7": "city", "12": "number" };

export function fieldKind(code: unknown): FieldKind {
  return KIND_OF_CODE[String(code)] ?? "other";
}

/** The name fetch notes the catalog under in the target's facts, for `check`. */
export const CATALOG = "xinrenxinshi.catalog";

export function catalogOf(facts: ReadonlyMap<string, unknown>): Catalog | undefined {
  return facts.get(CATALOG) as Catalog | undefined;
}

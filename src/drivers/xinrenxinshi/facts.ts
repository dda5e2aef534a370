import type { DisabledDepartment } from "./wire.js";

/**
 * The tenant settings `check` needs at plan time, read by fetch: the department types, and the
 * disabled departments (which keep their codes, so a create of one of those codes would fail).
 */
export interface Catalog {
  /** departType → departTypeName. */
  types: Map<number, string>;
  /** Disabled departments by code. */
  disabled: Map<string, DisabledDepartment>;
}

/** The name fetch notes the catalog under in the target's facts, for `check`. */
export const CATALOG = "xinrenxinshi.catalog";

export function catalogOf(facts: ReadonlyMap<string, unknown>): Catalog | undefined {
  const value = facts.get(CATALOG);
  return value && typeof value === "object" && "types" in value && "disabled" in value ? (value as Catalog) : undefined;
}

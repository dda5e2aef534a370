import type { SourcePosition } from "./resource.js";

/** One person of the org, defined once (a `Person` item). */
export interface OrgPerson {
  handle: string;
  name?: string;
  email?: string;
  mobile?: string;
  /** The handle of the person's Department. */
  department?: string;
  /** Target name → this person's id on that target. */
  accounts: Record<string, string>;
  left: boolean;
  source: SourcePosition;
}

export interface OrgTeam {
  handle: string;
  name?: string;
  members: string[];
  teams: string[];
  source: SourcePosition;
}

export interface OrgDepartment {
  handle: string;
  name?: string;
  parent?: string;
  head?: string;
  /** Target name → the department's key there. */
  accounts: Record<string, string>;
  source: SourcePosition;
}

/** A list entry that names org objects instead of vendor ids. */
export type Selector = { person: string } | { team: string } | { department: string; subtree?: boolean };

export function isSelector(value: unknown): value is Selector {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return "person" in value || "team" in value || "department" in value;
}

/** What a person bound to a vendor record contributes to it on one target. */
export interface BoundPerson {
  person: OrgPerson;
  /** The person's id on the item's target. */
  account: string;
}

/** What a department bound to a vendor record contributes to it on one target. */
export interface BoundDepartment {
  department: OrgDepartment;
  /** The department's key on the item's target. */
  account: string;
  /** The parent's key on the same target, when the department has a parent mirrored there. */
  parentAccount?: string;
  /**
   * The head's id on the same target, when the department has a head with an account there;
   * null when the head has left (the head field is cleared).
   */
  headAccount?: string | null;
}

/**
 * How a vendor kind takes part in the org model. Selectors are accepted in `peopleLists`
 * (lists of people's ids; a `prefix.*` entry means every list in that map) and `{person: x}`
 * in `personFields`; `binding` lets an item stand for a Person or a Department, filling the
 * fields it does not set.
 */
export interface KindOrgSpec {
  peopleLists?: string[];
  personFields?: string[];
  binding?: PersonBinding | DepartmentBinding;
}

/**
 * A `peopleLists` entry read: the item field holding the list, or, for `field[].inner`, the
 * field holding rows and the field of each row that holds the list.
 */
export function peopleListPath(path: string): { field: string; inner?: string } {
  const at = path.indexOf("[].");
  return at < 0 ? { field: path } : { field: path.slice(0, at), inner: path.slice(at + 3) };
}

export interface PersonBinding {
  by: "person";
  /** The item field that holds the person's account (the key). */
  keyField: string;
  fill(bound: BoundPerson): Record<string, unknown>;
}

export interface DepartmentBinding {
  by: "department";
  /** The item field that holds the department's key on the target. */
  keyField: string;
  fill(bound: BoundDepartment): Record<string, unknown>;
}

/** Who an account id is on a target, for plans that show `0412345 (zhangsan 张三)`. */
export interface PersonLabel {
  handle: string;
  name?: string;
}

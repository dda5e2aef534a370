import type { OrgDepartment, OrgPerson, OrgTeam } from "../../model/org.js";
import type { SourcePosition } from "../../model/resource.js";
import type { ParsedDocument } from "../yaml.js";

type Raw = Record<string, unknown>;

/**
 * An org object's place in its file. Positions cost a second parse of the file: one is worked
 * out only when a message asks. The place is held in private fields and `source` is a getter of
 * the prototype, so neither is an own, enumerable field of the entry (spreads and JSON leave
 * them out).
 */
abstract class Located {
  readonly #doc: ParsedDocument;
  readonly #index: number;
  #known: SourcePosition | undefined;
  constructor(doc: ParsedDocument, index: number) {
    this.#doc = doc;
    this.#index = index;
    this.#known = undefined;
  }
  get source(): SourcePosition {
    return (this.#known ??= this.#doc.positionOf(["items", this.#index]));
  }
  /** The document and item index, for messages about a field of the entry. */
  place(): { doc: ParsedDocument; index: number } {
    return { doc: this.#doc, index: this.#index };
  }
}

const text = (item: Raw, field: string): string | undefined => {
  const v = item[field];
  return typeof v === "string" ? v : undefined;
};

/**
 * The entries set every field in the constructor, in one order, so that all entries of a kind
 * share one layout; a text field the item does not set is undefined. `accounts` is the item's
 * own mapping, which nothing writes to.
 */
export class PersonEntry extends Located implements OrgPerson {
  readonly handle: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly mobile: string | undefined;
  readonly department: string | undefined;
  readonly accounts: Record<string, string>;
  readonly left: boolean;
  constructor(item: Raw, handle: string, doc: ParsedDocument, index: number) {
    super(doc, index);
    this.handle = handle;
    this.name = text(item, "name");
    this.email = text(item, "email");
    this.mobile = text(item, "mobile");
    this.department = text(item, "department");
    this.accounts = (item["accounts"] as Record<string, string> | undefined) ?? {};
    this.left = item["left"] === true;
  }
}

export class TeamEntry extends Located implements OrgTeam {
  readonly handle: string;
  readonly name: string | undefined;
  readonly members: string[];
  readonly teams: string[];
  constructor(item: Raw, handle: string, doc: ParsedDocument, index: number) {
    super(doc, index);
    this.handle = handle;
    this.name = text(item, "name");
    this.members = (item["members"] as string[] | undefined) ?? [];
    this.teams = (item["teams"] as string[] | undefined) ?? [];
  }
}

export class DepartmentEntry extends Located implements OrgDepartment {
  readonly handle: string;
  readonly name: string | undefined;
  readonly parent: string | undefined;
  readonly head: string | undefined;
  readonly accounts: Record<string, string>;
  constructor(item: Raw, handle: string, doc: ParsedDocument, index: number) {
    super(doc, index);
    this.handle = handle;
    this.name = text(item, "name");
    this.parent = text(item, "parent");
    this.head = text(item, "head");
    this.accounts = (item["accounts"] as Record<string, string> | undefined) ?? {};
  }
}

import type { Diagnostic } from "../../model/plan.js";
import type { OrgDepartment, OrgPerson, OrgTeam } from "../../model/org.js";
import type { SourcePosition } from "../../model/resource.js";
import { formatPath } from "../diagnose.js";
import type { ParsedDocument } from "../yaml.js";

/** The org kinds: defined once, no target. */
export const ORG_KINDS: Readonly<Record<string, string>> = {
  Person: "org/Person.schema.json",
  Team: "org/Team.schema.json",
  Department: "org/Department.schema.json",
};

/**
 * The org's people, teams and departments as the manifests define them, indexed for
 * resolution. Built once per load; everything it answers is linear in the org's size.
 */
export interface Directory {
  people: Map<string, OrgPerson>;
  teams: Map<string, OrgTeam>;
  departments: Map<string, OrgDepartment>;
  /** Per department handle, the people whose `department` is it. */
  peopleIn: Map<string, OrgPerson[]>;
  /** Per department handle, its child departments. */
  children: Map<string, string[]>;
  /** Per target, account id → person (for showing who an id is). */
  byAccount: Map<string, Map<string, OrgPerson>>;
}

type Raw = Record<string, unknown>;

/** The directory of manifests that define no org: every selector and binding names an unknown object. */
export function emptyDirectory(): Directory {
  return { people: new Map(), teams: new Map(), departments: new Map(), peopleIn: new Map(), children: new Map(), byAccount: new Map() };
}

/**
 * Read the validated Person, Team and Department documents into a directory, reporting with
 * positions: a handle defined twice, two people with one account id on a target, accounts
 * naming a target no manifest defines, unknown handles, and cycles among teams or departments.
 */
export function buildDirectory(documents: ParsedDocument[], targetNames: ReadonlySet<string>, diagnostics: Diagnostic[]): Directory {
  const dir = emptyDirectory();
  const report = (doc: ParsedDocument, path: (string | number)[], message: string) => diagnostics.push({ source: doc.positionOf(path), path: formatPath(path), message });

  for (const doc of documents) {
    const v = doc.value as { kind: string; items: Raw[] };
    v.items.forEach((item, index) => {
      const handle = String(item["handle"]);
      const at = new Located(doc, index);
      const table = v.kind === "Person" ? dir.people : v.kind === "Team" ? dir.teams : dir.departments;
      const first = table.get(handle);
      if (first) {
        report(doc, ["items", index, "handle"], `${v.kind} "${handle}" is defined twice (first at ${first.source.file}:${first.source.line})`);
        return;
      }
      const entry = v.kind === "Person" ? readPerson(item, handle, at) : v.kind === "Team" ? readTeam(item, handle, at) : readDepartment(item, handle, at);
      (table as Map<string, object>).set(handle, entry);
    });
  }

  const at = (entry: object) => (entry as unknown as Located).place();
  const checkAccounts = (entry: OrgPerson | OrgDepartment, kind: string) => {
    for (const target of Object.keys(entry.accounts)) {
      if (targetNames.has(target)) continue;
      const known = [...targetNames].sort().join(", ") || "none";
      report(at(entry).doc, ["items", at(entry).index, "accounts", target], `${kind} "${entry.handle}": accounts names target "${target}", which no manifest defines (targets: ${known})`);
    }
  };

  for (const p of dir.people.values()) {
    checkAccounts(p, "Person");
    for (const [target, id] of Object.entries(p.accounts)) {
      let ids = dir.byAccount.get(target);
      if (!ids) dir.byAccount.set(target, (ids = new Map()));
      const other = ids.get(id);
      if (other) {
        report(at(p).doc, ["items", at(p).index, "accounts", target], `Person "${p.handle}" has account "${id}" on target "${target}", which Person "${other.handle}" already has`);
        continue;
      }
      ids.set(id, p);
    }
    if (p.department === undefined) continue;
    if (!dir.departments.has(p.department)) {
      report(at(p).doc, ["items", at(p).index, "department"], `Person "${p.handle}": unknown Department "${p.department}"`);
      continue;
    }
    push(dir.peopleIn, p.department, p);
  }

  for (const t of dir.teams.values()) {
    t.members.forEach((m, i) => {
      if (!dir.people.has(m)) report(at(t).doc, ["items", at(t).index, "members", i], `Team "${t.handle}": unknown Person "${m}"`);
    });
    t.teams.forEach((m, i) => {
      if (!dir.teams.has(m)) report(at(t).doc, ["items", at(t).index, "teams", i], `Team "${t.handle}": unknown Team "${m}"`);
    });
  }
  for (const cycle of findCycles([...dir.teams.values()], (t) => t.teams.filter((x) => dir.teams.has(x)))) {
    const t = dir.teams.get(cycle[0] as string) as OrgTeam;
    report(at(t).doc, ["items", at(t).index, "teams"], `Team "${t.handle}" includes itself through ${cycle.join(" → ")}`);
  }

  for (const d of dir.departments.values()) {
    checkAccounts(d, "Department");
    if (d.head !== undefined && !dir.people.has(d.head)) report(at(d).doc, ["items", at(d).index, "head"], `Department "${d.handle}": unknown Person "${d.head}"`);
    if (d.parent === undefined) continue;
    if (!dir.departments.has(d.parent)) report(at(d).doc, ["items", at(d).index, "parent"], `Department "${d.handle}": unknown parent Department "${d.parent}"`);
    else push(dir.children, d.parent, d.handle);
  }
  const parentOf = (d: OrgDepartment) => (d.parent !== undefined && dir.departments.has(d.parent) ? [d.parent] : []);
  for (const cycle of findCycles([...dir.departments.values()], parentOf)) {
    const d = dir.departments.get(cycle[0] as string) as OrgDepartment;
    report(at(d).doc, ["items", at(d).index, "parent"], `Department "${d.handle}" is its own ancestor through ${cycle.join(" → ")}`);
  }
  return dir;
}

const PERSON_TEXT = ["name", "email", "mobile", "department"] as const;
const DEPARTMENT_TEXT = ["name", "parent", "head"] as const;

function readPerson(item: Raw, handle: string, at: Located): OrgPerson {
  const p = at as unknown as OrgPerson;
  p.handle = handle;
  p.accounts = { ...((item["accounts"] as Record<string, string> | undefined) ?? {}) };
  p.left = item["left"] === true;
  for (const f of PERSON_TEXT) if (typeof item[f] === "string") p[f] = item[f];
  return p;
}

function readTeam(item: Raw, handle: string, at: Located): OrgTeam {
  const t = at as unknown as OrgTeam;
  t.handle = handle;
  t.members = (item["members"] as string[] | undefined) ?? [];
  t.teams = (item["teams"] as string[] | undefined) ?? [];
  if (typeof item["name"] === "string") t.name = item["name"];
  return t;
}

function readDepartment(item: Raw, handle: string, at: Located): OrgDepartment {
  const d = at as unknown as OrgDepartment;
  d.handle = handle;
  d.accounts = { ...((item["accounts"] as Record<string, string> | undefined) ?? {}) };
  for (const f of DEPARTMENT_TEXT) if (typeof item[f] === "string") d[f] = item[f];
  return d;
}

/**
 * An org object's place in its file. Positions cost a second parse of the file: one is worked
 * out only when a message asks. `source` is a getter of the prototype, so it is not an own,
 * enumerable field of the entry (spreads and JSON leave it out).
 */
class Located {
  readonly #doc: ParsedDocument;
  readonly #index: number;
  #known: SourcePosition | undefined;
  constructor(doc: ParsedDocument, index: number) {
    this.#doc = doc;
    this.#index = index;
  }
  get source(): SourcePosition {
    return (this.#known ??= this.#doc.positionOf(["items", this.#index]));
  }
  /** The document and item index, for messages about a field of the entry. */
  place(): { doc: ParsedDocument; index: number } {
    return { doc: this.#doc, index: this.#index };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each cycle once, as the handles along it (first repeated at the end), in a stable order. */
function findCycles<T extends { handle: string }>(nodes: T[], next: (node: T) => string[]): string[][] {
  const byHandle = new Map(nodes.map((n) => [n.handle, n]));
  const state = new Map<string, "open" | "done">();
  const cycles: string[][] = [];
  const visit = (handle: string, path: string[]) => {
    if (state.get(handle) === "done") return;
    if (state.get(handle) === "open") {
      cycles.push([...path.slice(path.indexOf(handle)), handle]);
      return;
    }
    state.set(handle, "open");
    for (const n of next(byHandle.get(handle) as T)) visit(n, [...path, handle]);
    state.set(handle, "done");
  };
  for (const n of [...nodes].sort((a, b) => (a.handle < b.handle ? -1 : 1))) visit(n.handle, []);
  return cycles;
}

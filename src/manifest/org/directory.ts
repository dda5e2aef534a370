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
  const dir: Directory = { people: new Map(), teams: new Map(), departments: new Map(), peopleIn: new Map(), children: new Map(), byAccount: new Map() };
  const report = (doc: ParsedDocument, path: (string | number)[], message: string) => diagnostics.push({ source: doc.positionOf(path), path: formatPath(path), message });
  const where = new Map<object, { doc: ParsedDocument; index: number }>();

  for (const doc of documents) {
    const v = doc.value as { kind: string; items: Raw[] };
    v.items.forEach((item, index) => {
      const handle = String(item["handle"]);
      const source = lazySource(doc, index);
      const table = v.kind === "Person" ? dir.people : v.kind === "Team" ? dir.teams : dir.departments;
      const first = table.get(handle);
      if (first) {
        report(doc, ["items", index, "handle"], `${v.kind} "${handle}" is defined twice (first at ${first.source.file}:${first.source.line})`);
        return;
      }
      const entry = v.kind === "Person" ? readPerson(item, handle, source) : v.kind === "Team" ? readTeam(item, handle, source) : readDepartment(item, handle, source);
      (table as Map<string, object>).set(handle, entry);
      where.set(entry, { doc, index });
    });
  }

  const at = (entry: object) => where.get(entry) as { doc: ParsedDocument; index: number };
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

function readPerson(item: Raw, handle: string, source: () => SourcePosition): OrgPerson {
  const p = { handle, accounts: { ...((item["accounts"] as Record<string, string> | undefined) ?? {}) }, left: item["left"] === true } as OrgPerson;
  for (const f of ["name", "email", "mobile", "department"] as const) if (typeof item[f] === "string") p[f] = item[f];
  return withSource(p, source);
}

function readTeam(item: Raw, handle: string, source: () => SourcePosition): OrgTeam {
  const t = { handle, members: (item["members"] as string[] | undefined) ?? [], teams: (item["teams"] as string[] | undefined) ?? [] } as OrgTeam;
  if (typeof item["name"] === "string") t.name = item["name"];
  return withSource(t, source);
}

function readDepartment(item: Raw, handle: string, source: () => SourcePosition): OrgDepartment {
  const d = { handle, accounts: { ...((item["accounts"] as Record<string, string> | undefined) ?? {}) } } as OrgDepartment;
  for (const f of ["name", "parent", "head"] as const) if (typeof item[f] === "string") d[f] = item[f];
  return withSource(d, source);
}

/** Positions cost a second parse of the file: work one out only when a message asks. */
function lazySource(doc: ParsedDocument, index: number): () => SourcePosition {
  let known: SourcePosition | undefined;
  return () => (known ??= doc.positionOf(["items", index]));
}

function withSource<T extends object>(entry: T, source: () => SourcePosition): T {
  Object.defineProperty(entry, "source", { get: source, enumerable: false });
  return entry;
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

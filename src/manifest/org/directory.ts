import type { Diagnostic } from "../../model/plan.js";
import type { OrgDepartment, OrgPerson, OrgTeam } from "../../model/org.js";
import { formatPath } from "../diagnose.js";
import type { ParsedDocument } from "../yaml.js";
import { at, checkAccounts, push, readTables, readTablesReporting } from "./tables.js";

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
  /** Per team handle, the people its `members` names that the directory holds, in the order written. */
  members: Map<string, OrgPerson[]>;
  /** Per department handle, its child departments. */
  children: Map<string, string[]>;
}

/** The directory of manifests that define no org: every selector and binding names an unknown object. */
export function emptyDirectory(): Directory {
  return { people: new Map(), teams: new Map(), departments: new Map(), peopleIn: new Map(), members: new Map(), children: new Map() };
}

/**
 * Read the validated Person, Team and Department documents into a directory, reporting with
 * positions: a handle defined twice, two people with one account id on a target, accounts
 * naming a target no manifest defines, unknown handles, and cycles among teams or departments.
 */
export function buildDirectory(documents: ParsedDocument[], targetNames: ReadonlySet<string>, diagnostics: Diagnostic[]): Directory {
  const dir = emptyDirectory();
  const report = (doc: ParsedDocument, path: (string | number)[], message: string) => diagnostics.push({ source: doc.positionOf(path), path: formatPath(path), message });

  if (!readTables(dir, documents, targetNames)) {
    for (const table of [dir.people, dir.teams, dir.departments, dir.peopleIn]) table.clear();
    readTablesReporting(dir, documents, targetNames, report);
  }

  for (const t of dir.teams.values()) {
    const people: OrgPerson[] = [];
    for (let i = 0; i < t.members.length; i++) {
      const m = t.members[i] as string;
      const p = dir.people.get(m);
      if (p) people.push(p);
      else report(at(t).doc, ["items", at(t).index, "members", i], `Team "${t.handle}": unknown Person "${m}"`);
    }
    dir.members.set(t.handle, people);
    for (let i = 0; i < t.teams.length; i++) {
      const m = t.teams[i] as string;
      if (!dir.teams.has(m)) report(at(t).doc, ["items", at(t).index, "teams", i], `Team "${t.handle}": unknown Team "${m}"`);
    }
  }
  for (const cycle of findCycles([...dir.teams.values()], (t) => t.teams.filter((x) => dir.teams.has(x)))) {
    const t = dir.teams.get(cycle[0] as string) as OrgTeam;
    report(at(t).doc, ["items", at(t).index, "teams"], `Team "${t.handle}" includes itself through ${cycle.join(" → ")}`);
  }

  for (const d of dir.departments.values()) {
    checkAccounts(d, "Department", targetNames, report);
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

import type { OrgDepartment, OrgPerson, OrgTeam } from "../../model/org.js";
import type { ParsedDocument } from "../yaml.js";
import { AccountKeys } from "./account-keys.js";
import type { Directory } from "./directory.js";
import { DepartmentEntry, PersonEntry, TeamEntry } from "./entries.js";

type Raw = Record<string, unknown>;
type OrgItems = { kind: string; items: Raw[] };

export type Report = (doc: ParsedDocument, path: (string | number)[], message: string) => void;

type Entry = OrgPerson | OrgTeam | OrgDepartment;

/** The document and item index of an entry, for messages about one of its fields. */
export const at = (entry: object) => (entry as PersonEntry).place();

/**
 * Fill the directory's tables (people, teams, departments) and its people-by-department index
 * in one pass over the items, checking people's accounts, and without messages. Answers false
 * at the first thing that needs one: a handle defined twice, an account on a target no manifest
 * defines, an account id two people have on a target, a department no manifest defines. The
 * caller then empties the directory and starts over with `readTablesReporting`.
 */
export function readTables(dir: Directory, documents: ParsedDocument[], targetNames: ReadonlySet<string>): boolean {
  let people = 0;
  for (const doc of documents) if ((doc.value as OrgItems).kind === "Person") people += (doc.value as OrgItems).items.length;
  // Each person has at most one account per known target (another target fails the pass).
  const accounts = new AccountKeys(people * targetNames.size);
  const targets = new Map<string, number>();
  for (const doc of documents) {
    const v = doc.value as OrgItems;
    const { table, make } = tableOf(dir, v.kind);
    for (let index = 0; index < v.items.length; index++) {
      const item = v.items[index] as Raw;
      const handle = String(item["handle"]);
      const entry = new make(item, handle, doc, index);
      // One Map operation per item: a handle defined twice leaves the table a size short.
      const size = table.size;
      table.set(handle, entry);
      if (table.size === size) return false;
      if (!(entry instanceof PersonEntry)) continue;
      for (const target in entry.accounts) {
        let t = targets.get(target);
        if (t === undefined) {
          if (!targetNames.has(target)) return false;
          targets.set(target, (t = targets.size));
        }
        accounts.add(t, entry.accounts[target] as string);
      }
      // Departments may be defined after the people in them: checked once each at the end.
      if (entry.department !== undefined) push(dir.peopleIn, entry.department, entry);
    }
  }
  for (const department of dir.peopleIn.keys()) if (!dir.departments.has(department)) return false;
  return !accounts.mayRepeat();
}

/**
 * Fill the tables and the people-by-department index, reporting each problem at its place:
 * handles defined twice (the first definition is kept), then, person by person, accounts on
 * unknown targets, account ids another person already has, and unknown departments.
 */
export function readTablesReporting(dir: Directory, documents: ParsedDocument[], targetNames: ReadonlySet<string>, report: Report): void {
  for (const doc of documents) {
    const v = doc.value as OrgItems;
    const { table, make } = tableOf(dir, v.kind);
    v.items.forEach((item, index) => {
      const handle = String(item["handle"]);
      const first = table.get(handle);
      if (first) report(doc, ["items", index, "handle"], `${v.kind} "${handle}" is defined twice (first at ${first.source.file}:${first.source.line})`);
      else table.set(handle, new make(item, handle, doc, index));
    });
  }
  const holders = new Map<string, Map<string, OrgPerson>>();
  for (const p of dir.people.values()) {
    checkAccounts(p, "Person", targetNames, report);
    for (const [target, id] of Object.entries(p.accounts)) {
      let ids = holders.get(target);
      if (!ids) holders.set(target, (ids = new Map()));
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
}

/** Report each target an entry's accounts name that no manifest defines. */
export function checkAccounts(entry: OrgPerson | OrgDepartment, kind: string, targetNames: ReadonlySet<string>, report: Report): void {
  for (const target of Object.keys(entry.accounts)) {
    if (targetNames.has(target)) continue;
    const known = [...targetNames].sort().join(", ") || "none";
    report(at(entry).doc, ["items", at(entry).index, "accounts", target], `${kind} "${entry.handle}": accounts names target "${target}", which no manifest defines (targets: ${known})`);
  }
}

export function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The directory table of an org kind, and the entry class its items become. */
function tableOf(dir: Directory, kind: string): { table: Map<string, Entry>; make: typeof PersonEntry | typeof TeamEntry | typeof DepartmentEntry } {
  if (kind === "Person") return { table: dir.people, make: PersonEntry };
  if (kind === "Team") return { table: dir.teams, make: TeamEntry };
  return { table: dir.departments, make: DepartmentEntry };
}

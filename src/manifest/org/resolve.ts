import type { Diagnostic } from "../../model/plan.js";
import { isSelector, peopleListPath, type KindOrgSpec, type OrgDepartment, type OrgPerson } from "../../model/org.js";
import type { SourcePosition } from "../../model/resource.js";
import { formatPath } from "../diagnose.js";
import type { PathSegment } from "../yaml.js";
import type { Directory } from "./directory.js";
import { resolveSelector, suggest } from "./selectors.js";

type PathSegmentList = PathSegment[];

/** One vendor-kind document to resolve: its items as written, and where they came from. */
export interface OrgDocument {
  target: string;
  kind: string;
  org: KindOrgSpec | undefined;
  items: Record<string, unknown>[];
  /** `itemsFrom: people | departments` on the document. */
  itemsFrom?: "people" | "departments";
  positionOf(path: PathSegmentList): SourcePosition;
}

/** An item after resolution: plain vendor fields. `index` is its place in the file (none when generated). */
export interface ResolvedItem {
  value: Record<string, unknown>;
  index?: number;
  /** Where a generated item comes from (the Person or Department it stands for). */
  origin?: () => SourcePosition;
}

export interface OrgResolution {
  items: ResolvedItem[];
  /** People reached through a team or department who have no account on the target. */
  missing: OrgPerson[];
}

/**
 * Resolve one document against the directory: generate items for `itemsFrom`, fill bound
 * items from their Person or Department, and replace selectors by account ids. The result
 * holds only vendor fields, so the planner sees ordinary desired resources. Problems go to
 * `diagnostics` with the position of the field that caused them.
 */
export function resolveDocument(doc: OrgDocument, dir: Directory, diagnostics: Diagnostic[]): OrgResolution {
  const missing = new Map<string, OrgPerson>();
  const report = (path: PathSegmentList, message: string) => diagnostics.push({ source: doc.positionOf(path), path: formatPath(path), message });
  const binding = doc.org?.binding;
  const written: ResolvedItem[] = doc.items.map((value, index) => ({ value, index }));
  const generated = binding && doc.itemsFrom ? generate(doc, dir, binding.by) : [];
  const out: ResolvedItem[] = [];
  for (const entry of [...written, ...generated]) {
    const at = (rest: PathSegmentList): PathSegmentList => (entry.index === undefined ? ["itemsFrom"] : ["items", entry.index, ...rest]);
    let value = entry.value;
    if (binding && typeof value[binding.by] === "string") {
      const bound = bind(doc, dir, binding, value, (path, message) => report(at(path), message));
      if (!bound) continue;
      value = bound;
    }
    value = resolveLists(doc, dir, value, missing, (path, message) => report(at(path), message));
    out.push({ ...entry, value });
  }
  return { items: out, missing: [...missing.values()] };
}

/** Items for every Person or Department with an account on the target that no written item binds. */
function generate(doc: OrgDocument, dir: Directory, by: "person" | "department"): ResolvedItem[] {
  const bound = new Set(doc.items.map((i) => i[by]).filter((h): h is string => typeof h === "string"));
  const objects: (OrgPerson | OrgDepartment)[] = by === "person" ? [...dir.people.values()] : [...dir.departments.values()];
  return objects
    .filter((o) => o.accounts[doc.target] !== undefined && !bound.has(o.handle))
    .map((o) => ({ value: { [by]: o.handle }, origin: () => o.source }));
}

type Report = (path: PathSegmentList, message: string) => void;

/** A bound item with the fields its Person or Department gives it; undefined after a problem. */
function bind(doc: OrgDocument, dir: Directory, binding: NonNullable<KindOrgSpec["binding"]>, item: Record<string, unknown>, report: Report): Record<string, unknown> | undefined {
  const handle = item[binding.by] as string;
  const own: Record<string, unknown> = {};
  for (const k in item) if (k !== binding.by) own[k] = item[k];
  if (binding.by === "person") {
    const person = dir.people.get(handle);
    if (!person) return void report([binding.by], `unknown Person "${handle}"${suggest(handle, dir.people.keys())}`);
    const account = accountOf(person, doc.target, item, binding.keyField, report);
    if (account === undefined) return undefined;
    const filled = { ...defined(binding.fill({ person, account })), ...own, [binding.keyField]: account };
    return person.left ? { ...filled, absent: true } : filled;
  }
  const department = dir.departments.get(handle);
  if (!department) return void report([binding.by], `unknown Department "${handle}"${suggest(handle, dir.departments.keys())}`);
  const account = accountOf(department, doc.target, item, binding.keyField, report);
  if (account === undefined) return undefined;
  const parent = department.parent === undefined ? undefined : dir.departments.get(department.parent);
  const head = department.head === undefined ? undefined : dir.people.get(department.head);
  const bound: Parameters<typeof binding.fill>[0] = { department, account };
  if (parent?.accounts[doc.target] !== undefined) bound.parentAccount = parent.accounts[doc.target];
  if (head?.left) bound.headAccount = null;
  else if (head?.accounts[doc.target] !== undefined) bound.headAccount = head.accounts[doc.target];
  return { ...defined(binding.fill(bound)), ...own, [binding.keyField]: account };
}

/** The org object's key on the target; a problem when it has none or the item says otherwise. */
function accountOf(o: OrgPerson | OrgDepartment, target: string, item: Record<string, unknown>, keyField: string, report: Report): string | undefined {
  const kind = "left" in o ? "Person" : "Department";
  const account = o.accounts[target];
  if (account === undefined) return void report([kind === "Person" ? "person" : "department"], `${kind} "${o.handle}" has no account on target "${target}" (add accounts.${target})`);
  const written = item[keyField];
  if (written !== undefined && String(written) !== account) {
    return void report([keyField], `${keyField} "${String(written)}" disagrees with ${kind} "${o.handle}", whose account on target "${target}" is "${account}"`);
  }
  return account;
}

/** Replace selectors in the kind's people lists and person fields by account ids. */
function resolveLists(doc: OrgDocument, dir: Directory, item: Record<string, unknown>, missing: Map<string, OrgPerson>, report: Report): Record<string, unknown> {
  const org = doc.org;
  if (!org) return item;
  let out = item;
  const copy = () => (out === item ? (out = { ...item }) : out);
  for (const field of org.personFields ?? []) {
    const v = item[field];
    if (!isSelector(v)) continue;
    if (!("person" in v)) {
      report([field], `takes one person: write {person: <handle>}, not a team or a department`);
      continue;
    }
    const r = resolveSelector(dir, v, doc.target);
    if (!r.ok) report([field, "person"], r.message);
    else copy()[field] = r.ids[0] ?? null;
  }
  for (const path of org.peopleLists ?? []) {
    const { field: head, inner: tail } = peopleListPath(path);
    const v = item[head];
    if (!Array.isArray(v)) continue;
    if (tail === undefined) {
      const list = resolveList(dir, doc.target, v, [head], missing, report);
      if (list) copy()[head] = list;
      continue;
    }
    // A list of objects, each holding a people list (O2OA duties: [{name, value: [...]}]).
    const rows = v.map((row: unknown, i) => {
      if (typeof row !== "object" || row === null || !Array.isArray((row as Record<string, unknown>)[tail])) return row;
      const list = resolveList(dir, doc.target, (row as Record<string, unknown>)[tail] as unknown[], [head, i, tail], missing, report);
      return list ? { ...(row as Record<string, unknown>), [tail]: list } : row;
    });
    if (rows.some((r, i) => r !== v[i])) copy()[head] = rows;
  }
  return out;
}

/** A people list with its selectors expanded (duplicates dropped), or undefined when it has none. */
function resolveList(dir: Directory, target: string, list: unknown[], path: PathSegmentList, missing: Map<string, OrgPerson>, report: Report): unknown[] | undefined {
  if (!list.some(isSelector)) return undefined;
  const out: unknown[] = [];
  const seen = new Set(list.filter((e) => typeof e === "string"));
  list.forEach((entry, i) => {
    if (!isSelector(entry)) {
      out.push(entry);
      return;
    }
    const r = resolveSelector(dir, entry, target);
    if (!r.ok) return report([...path, i, Object.keys(entry)[0] as string], r.message);
    for (const p of r.missing) missing.set(p.handle, p);
    for (const id of r.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
  });
  return out;
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in fields) if (fields[k] !== undefined) out[k] = fields[k];
  return out;
}

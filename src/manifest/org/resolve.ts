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
  /** Where a generated item comes from: the Person or Department it stands for. */
  origin?: { readonly source: SourcePosition };
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
  // The item being resolved: its index, or undefined for a generated item (reported at itemsFrom).
  let current: number | undefined;
  const report: Report = (path, message) => {
    const at: PathSegmentList = current === undefined ? ["itemsFrom"] : ["items", current, ...path];
    diagnostics.push({ source: doc.positionOf(at), path: formatPath(at), message });
  };
  const binding = doc.org?.binding;
  const out: ResolvedItem[] = [];
  for (let index = 0; index < doc.items.length; index++) {
    current = index;
    let value = doc.items[index] as Record<string, unknown>;
    if (binding && typeof value[binding.by] === "string") {
      const bound = bindHandle(doc, dir, binding, value, report);
      if (!bound) continue;
      value = bound;
    }
    out.push({ value: resolveLists(doc, dir, value, missing, report), index });
  }
  if (binding && doc.itemsFrom) {
    // An item for every Person or Department with an account on the target that no written item binds.
    current = undefined;
    const written = boundHandles(doc, binding.by);
    for (const o of binding.by === "person" ? dir.people.values() : dir.departments.values()) {
      if (o.accounts[doc.target] === undefined || (written.size > 0 && written.has(o.handle))) continue;
      const bound = bind(doc, dir, binding, NOTHING, o, report);
      if (bound) out.push({ value: resolveLists(doc, dir, bound, missing, report), origin: o });
    }
  }
  return { items: out, missing: [...missing.values()] };
}

/** The item a generated item starts from: the binding field alone, which bound items leave out. */
const NOTHING: Record<string, unknown> = Object.freeze({});

/** The handles the document's written items bind. */
function boundHandles(doc: OrgDocument, by: "person" | "department"): Set<string> {
  const bound = new Set<string>();
  for (const item of doc.items) if (typeof item[by] === "string") bound.add(item[by]);
  return bound;
}

type Report = (path: PathSegmentList, message: string) => void;
type Binding = NonNullable<KindOrgSpec["binding"]>;

/** A written item bound to the Person or Department it names; undefined after a problem. */
function bindHandle(doc: OrgDocument, dir: Directory, binding: Binding, item: Record<string, unknown>, report: Report): Record<string, unknown> | undefined {
  const handle = item[binding.by] as string;
  const o = binding.by === "person" ? dir.people.get(handle) : dir.departments.get(handle);
  if (o) return bind(doc, dir, binding, item, o, report);
  const [kind, known] = binding.by === "person" ? ["Person", dir.people.keys()] : ["Department", dir.departments.keys()];
  return void report([binding.by], `unknown ${kind} "${handle}"${suggest(handle, known)}`);
}

/**
 * A bound item: the fields the binding fills that are defined, then the item's own fields but
 * the binding field, then the key, then `absent: true` for a Person who has left. Undefined
 * after a problem.
 */
function bind(doc: OrgDocument, dir: Directory, binding: Binding, item: Record<string, unknown>, o: OrgPerson | OrgDepartment, report: Report): Record<string, unknown> | undefined {
  const account = accountOf(o, doc.target, item, binding.keyField, report);
  if (account === undefined) return undefined;
  let fields: Record<string, unknown>;
  let absent = false;
  if (binding.by === "person") {
    const person = o as OrgPerson;
    fields = binding.fill({ person, account });
    absent = person.left;
  } else {
    const department = o as OrgDepartment;
    const parent = department.parent === undefined ? undefined : dir.departments.get(department.parent);
    const head = department.head === undefined ? undefined : dir.people.get(department.head);
    const bound: Parameters<typeof binding.fill>[0] = { department, account };
    if (parent?.accounts[doc.target] !== undefined) bound.parentAccount = parent.accounts[doc.target];
    if (head?.left) bound.headAccount = null;
    else if (head?.accounts[doc.target] !== undefined) bound.headAccount = head.accounts[doc.target];
    fields = binding.fill(bound);
  }
  const out: Record<string, unknown> = {};
  for (const k in fields) if (fields[k] !== undefined) out[k] = fields[k];
  for (const k in item) if (k !== binding.by) out[k] = item[k];
  out[binding.keyField] = account;
  if (absent) out["absent"] = true;
  return out;
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
  // Most kinds that bind (ISDP persons) have no people lists: nothing to allocate per item.
  if (!org || (!org.personFields?.length && !org.peopleLists?.length)) return item;
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
  const seen = new Set<unknown>();
  for (const entry of list) if (typeof entry === "string") seen.add(entry);
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (!isSelector(entry)) {
      out.push(entry);
      continue;
    }
    const r = resolveSelector(dir, entry, target);
    if (!r.ok) {
      report([...path, i, Object.keys(entry)[0] as string], r.message);
      continue;
    }
    for (const p of r.missing) missing.set(p.handle, p);
    for (const id of r.ids) {
      // One Set operation per id: an id seen before leaves the size as it was.
      const size = seen.size;
      seen.add(id);
      if (seen.size > size) out.push(id);
    }
  }
  return out;
}

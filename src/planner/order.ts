import { fieldSpecOf, refFields, type KindModel } from "../model/kind.js";
import type { Action, Diagnostic } from "../model/plan.js";
import { pairKey, pairLookup, resourceId, type LiveResource } from "../model/resource.js";

/**
 * Fill in `dependsOn` (on actions made with none) and sort the actions so that every action
 * comes after the ones it depends on: creates parent-first, deletes child-first. Returns
 * problems for deletes that would leave a live object pointing at nothing.
 */
export function orderActions(
  actions: Action[],
  live: LiveResource[],
  kinds: ReadonlyMap<string, KindModel>,
): { actions: Action[]; problems: Diagnostic[] } {
  // Only kinds that refer to another kind, or are referred to, take part in dependencies.
  const referring = new Set<string>();
  const linked = new Set<string>();
  for (const [name, model] of kinds) {
    const refs = refFields(model);
    if (!refs.length) continue;
    referring.add(name);
    linked.add(name);
    for (const [, refKind] of refs) linked.add(refKind);
  }
  const byId = new Map<string, Action>();
  for (const a of actions) if (linked.has(a.kind)) byId.set(a.id, a);
  // Most actions depend on nothing: a set is made only for those that do.
  const deps = new Map<string, Set<string>>();
  const addDep = (id: string, on: string) => {
    let set = deps.get(id);
    if (!set) deps.set(id, (set = new Set()));
    set.add(on);
  };
  const problems: Diagnostic[] = [];

  // Creates and updates wait for the objects they point at to be created or renamed. The
  // referenced kind is looked up once per (kind, field), not once per change.
  const refKinds = new Map<string, Map<string, string | undefined>>();
  const refKindOf = (kind: string, field: string): string | undefined => {
    let known = refKinds.get(kind);
    if (!known) refKinds.set(kind, (known = new Map()));
    if (known.has(field)) return known.get(field);
    const model = kinds.get(kind);
    const ref = model ? fieldSpecOf(model.fields, field)?.ref : undefined;
    known.set(field, ref);
    return ref;
  };
  for (const action of actions) {
    if (action.op === "delete" || !referring.has(action.kind)) continue;
    for (const change of action.changes) {
      const refKind = refKindOf(action.kind, change.field);
      if (!refKind || typeof change.after !== "string") continue;
      const other = byId.get(resourceId(action.target, refKind, change.after));
      if (other && other.id !== action.id && (other.op === "create" || other.renamedFrom !== undefined)) {
        addDep(action.id, other.id);
      }
    }
  }

  // A delete waits for everything that points at the deleted object to go away or move.
  const deletes = actions.filter((a) => a.op === "delete" && linked.has(a.kind));
  const referrers = deletes.length ? liveReferrers(deletes, live, kinds) : new Map<string, { id: string; field: string }[]>();
  const actionOnLive = new Map<string, Action>();
  if (referrers.size) {
    for (const a of byId.values()) actionOnLive.set(a.renamedFrom === undefined ? a.id : resourceId(a.target, a.kind, a.renamedFrom), a);
  }
  for (const action of deletes) {
    for (const child of referrers.get(action.id) ?? []) {
      const childAction = actionOnLive.get(child.id);
      const leaves =
        childAction !== undefined &&
        (childAction.op === "delete" || childAction.changes.some((c) => c.field === child.field));
      if (childAction && leaves) addDep(action.id, childAction.id);
      else problems.push({ message: `cannot delete ${action.id}: ${child.id} still refers to it through "${child.field}"; delete or move it in the same plan` });
    }
  }

  // The planner makes every action with no dependencies; only those that have some are set.
  for (const [id, set] of deps) (byId.get(id) as Action).dependsOn = [...set].sort();
  const depth = depths([...deps.keys()], byId, problems);
  return { actions: byDepthThenId(actions, depth), problems };
}

/**
 * Actions by dependency depth, then by id. Target and kind names hold no "/", so ids with
 * different target/kind prefixes are ordered by the prefix alone: each (target, kind) group is
 * sorted by key, which compares far fewer characters than whole ids.
 */
function byDepthThenId(actions: Action[], depth: ReadonlyMap<string, number>): Action[] {
  // level → target → kind → actions
  const levels: Map<string, Map<string, Action[]>>[] = [];
  for (const a of actions) {
    const targets = (levels[a.dependsOn.length ? (depth.get(a.id) ?? 0) : 0] ??= new Map());
    let kinds = targets.get(a.target);
    if (!kinds) targets.set(a.target, (kinds = new Map()));
    const group = kinds.get(a.kind);
    if (group) group.push(a);
    else kinds.set(a.kind, [a]);
  }
  const out: Action[] = [];
  for (const targets of levels) {
    if (!targets) continue;
    const groups = [...targets].flatMap(([target, kinds]) => [...kinds].map(([kind, list]) => ({ prefix: `${target}/${kind}/`, list })));
    groups.sort((x, y) => (x.prefix < y.prefix ? -1 : 1));
    for (const { list } of groups) for (const a of list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))) out.push(a);
  }
  return out;
}

/** For every deleted object: which live objects refer to it, and through which field. */
function liveReferrers(deletes: Action[], live: LiveResource[], kinds: ReadonlyMap<string, KindModel>): Map<string, { id: string; field: string }[]> {
  // pairKey(target, kind) → deleted key → the delete's id
  const deleted = new Map<string, Map<string, string>>();
  for (const a of deletes) {
    const group = pairKey(a.target, a.kind);
    let byKey = deleted.get(group);
    if (!byKey) deleted.set(group, (byKey = new Map()));
    byKey.set(a.key, a.id);
  }
  const deletedIn = pairLookup(deleted);
  const out = new Map<string, { id: string; field: string }[]>();
  for (const res of live) {
    const spec = kinds.get(res.kind);
    if (!spec) continue;
    for (const [field, refKind] of refFields(spec)) {
      const value = res.fields[field];
      if (typeof value !== "string") continue;
      const parent = deletedIn(res.target, refKind)?.get(value);
      if (parent === undefined) continue;
      const list = out.get(parent) ?? [];
      list.push({ id: resourceId(res.target, res.kind, res.key), field });
      out.set(parent, list);
    }
  }
  return out;
}

/** Length of the longest dependency chain below each action that has dependencies; reports cycles. */
function depths(ids: string[], byId: Map<string, Action>, problems: Diagnostic[]): Map<string, number> {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const on = byId.get(id)?.dependsOn ?? [];
    if (!on.length) return 0;
    if (visiting.has(id)) {
      problems.push({ message: `actions depend on each other in a cycle through ${id}` });
      return 0;
    }
    visiting.add(id);
    let d = 0;
    for (const dep of on) d = Math.max(d, visit(dep) + 1);
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const id of ids) visit(id);
  return depth;
}

import { fieldSpecOf, refFields, type KindModel } from "../model/kind.js";
import type { Action, Diagnostic } from "../model/plan.js";
import { resourceId, type LiveResource } from "../model/resource.js";

/**
 * Fill in `dependsOn` and sort the actions so that every action comes after the ones it
 * depends on: creates parent-first, deletes child-first. Returns problems for deletes that
 * would leave a live object pointing at nothing.
 */
export function orderActions(
  actions: Action[],
  live: LiveResource[],
  kinds: ReadonlyMap<string, KindModel>,
): { actions: Action[]; problems: Diagnostic[] } {
  const byId = new Map(actions.map((a) => [a.id, a]));
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
    if (action.op === "delete") continue;
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
  const referrers = liveReferrers(live, kinds);
  const actionOnLive = new Map<string, Action>();
  for (const a of actions) {
    actionOnLive.set(a.renamedFrom === undefined ? a.id : resourceId(a.target, a.kind, a.renamedFrom), a);
  }
  for (const action of actions) {
    if (action.op !== "delete") continue;
    for (const child of referrers.get(action.id) ?? []) {
      const childAction = actionOnLive.get(child.id);
      const leaves =
        childAction !== undefined &&
        (childAction.op === "delete" || childAction.changes.some((c) => c.field === child.field));
      if (childAction && leaves) addDep(action.id, childAction.id);
      else problems.push({ message: `cannot delete ${action.id}: ${child.id} still refers to it through "${child.field}"; delete or move it in the same plan` });
    }
  }

  for (const action of actions) {
    const set = deps.get(action.id);
    action.dependsOn = set ? [...set].sort() : [];
  }
  const depth = depths(actions, byId, problems);
  // By depth, then by id. Ids are unique: each level's ids are sorted as plain strings (the
  // engine's own string sort, much faster than a comparator) and mapped back to their actions.
  const levels: string[][] = [];
  for (const a of actions) (levels[depth.get(a.id) ?? 0] ??= []).push(a.id);
  const ordered: Action[] = [];
  for (const ids of levels) for (const id of ids?.sort() ?? []) ordered.push(byId.get(id) as Action);
  return { actions: ordered, problems };
}

/** For every live object: which live objects refer to it, and through which field. */
function liveReferrers(live: LiveResource[], kinds: ReadonlyMap<string, KindModel>): Map<string, { id: string; field: string }[]> {
  const out = new Map<string, { id: string; field: string }[]>();
  for (const res of live) {
    const spec = kinds.get(res.kind);
    if (!spec) continue;
    for (const [field, refKind] of refFields(spec)) {
      const value = res.fields[field];
      if (typeof value !== "string") continue;
      const parent = resourceId(res.target, refKind, value);
      const list = out.get(parent) ?? [];
      list.push({ id: resourceId(res.target, res.kind, res.key), field });
      out.set(parent, list);
    }
  }
  return out;
}

/** Length of the longest dependency chain below each action; reports cycles. */
function depths(actions: Action[], byId: Map<string, Action>, problems: Diagnostic[]): Map<string, number> {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const on = byId.get(id)?.dependsOn ?? [];
    if (!on.length) {
      depth.set(id, 0);
      return 0;
    }
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
  for (const a of actions) visit(a.id);
  return depth;
}

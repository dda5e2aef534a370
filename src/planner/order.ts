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
  const deps = new Map<string, Set<string>>(actions.map((a) => [a.id, new Set<string>()]));
  const problems: Diagnostic[] = [];

  // Creates and updates wait for the objects they point at to be created or renamed.
  for (const action of actions) {
    if (action.op === "delete") continue;
    for (const change of action.changes) {
      const model = kinds.get(action.kind);
      const refKind = model ? fieldSpecOf(model.fields, change.field)?.ref : undefined;
      if (!refKind || typeof change.after !== "string") continue;
      const other = byId.get(resourceId(action.target, refKind, change.after));
      if (other && other.id !== action.id && (other.op === "create" || other.renamedFrom !== undefined)) {
        deps.get(action.id)?.add(other.id);
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
      if (childAction && leaves) deps.get(action.id)?.add(childAction.id);
      else problems.push({ message: `cannot delete ${action.id}: ${child.id} still refers to it through "${child.field}"; delete or move it in the same plan` });
    }
  }

  for (const action of actions) action.dependsOn = [...(deps.get(action.id) ?? [])].sort();
  const depth = depths(actions, byId, problems);
  const sorted = [...actions].sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) || compareIds(a.id, b.id));
  return { actions: sorted, problems };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
    if (visiting.has(id)) {
      problems.push({ message: `actions depend on each other in a cycle through ${id}` });
      return 0;
    }
    visiting.add(id);
    let d = 0;
    for (const dep of byId.get(id)?.dependsOn ?? []) d = Math.max(d, visit(dep) + 1);
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const a of actions) visit(a.id);
  return depth;
}

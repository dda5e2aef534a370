import { fieldSpecOf, hasSetFields, type KindModel } from "../model/kind.js";
import type { Action, SafetyViolation } from "../model/plan.js";
import type { EffectivePolicy } from "../model/policy.js";
import type { LiveResource } from "../model/resource.js";

/** What the safety rules look at for one (target, kind). */
export interface KindTally {
  target: string;
  kind: string;
  policy: EffectivePolicy;
  /** Live objects of the kind that orgform may touch (ignored ones excluded). */
  existing: number;
  /** Members of set fields over those objects. */
  existingMembers: number;
  /** Desired objects (not `absent`) in the manifests. */
  desired: number;
  /** Members of set fields per live object, by live key (see `membersPerObject`). */
  objectMembers?: ReadonlyMap<string, number>;
}

/**
 * The safety brakes: mass deletes, mass member removals (per kind and per object), and a
 * kind's scope shrinking to nothing. For the kind-wide removal brakes a member counts as
 * removed whatever removes it: a set change of an update, or the delete of its object.
 */
export function checkSafety(actions: Action[], tallies: KindTally[], kinds: ReadonlyMap<string, KindModel>): SafetyViolation[] {
  const violations: SafetyViolation[] = [];
  for (const t of tallies) {
    const mine = actions.filter((a) => a.target === t.target && a.kind === t.kind);
    const deletes = mine.filter((a) => a.op === "delete").length;
    const { perObject, removals } = countRemovals(mine, kinds.get(t.kind), t.objectMembers);
    const p = t.policy;
    const where = { target: t.target, kind: t.kind };
    if (deletes > p.maxDeleteCount) {
      violations.push({ ...where, rule: "maxDeleteCount", message: `${deletes} deletes of ${t.kind} in target "${t.target}" exceed the limit of ${p.maxDeleteCount}` });
    }
    if (t.existing >= p.minExisting && deletes * 100 > p.maxDeletePercent * t.existing) {
      violations.push({ ...where, rule: "maxDeletePercent", message: `${deletes} of ${t.existing} existing ${t.kind} (${percent(deletes, t.existing)}) would be deleted in target "${t.target}"; the limit is ${p.maxDeletePercent}%` });
    }
    if (removals > p.maxRemoveCount) {
      violations.push({ ...where, rule: "maxRemoveCount", message: `${removals} member removals from ${t.kind} in target "${t.target}" exceed the limit of ${p.maxRemoveCount}` });
    }
    if (t.existingMembers >= p.minExistingMembers && removals * 100 > p.maxRemovePercent * t.existingMembers) {
      violations.push({ ...where, rule: "maxRemovePercent", message: `${removals} of ${t.existingMembers} existing members of ${t.kind} (${percent(removals, t.existingMembers)}) would be removed in target "${t.target}"; the limit is ${p.maxRemovePercent}%` });
    }
    for (const [key, removed] of perObject) {
      const had = t.objectMembers?.get(key) ?? 0;
      if (had >= p.minObjectMembers && removed * 100 > p.maxObjectRemovePercent * had) {
        violations.push({ ...where, rule: "maxObjectRemovePercent", message: `${removed} of the ${had} members of ${t.kind} "${key}" (${percent(removed, had)}) would be removed in target "${t.target}"; the limit per object is ${p.maxObjectRemovePercent}%` });
      }
    }
    if (p.unmanaged === "delete" && t.desired === 0 && deletes > 0) {
      violations.push({ ...where, rule: "scopeShrink", message: `no ${t.kind} is left in the manifests for target "${t.target}" while unmanaged objects are deleted: all ${deletes} would go` });
    }
  }
  return violations;
}

/**
 * Member removals of a kind: in total (set changes plus the members of deleted objects), and
 * per updated object by its key before any rename (a deleted object is the delete brakes' case).
 */
function countRemovals(actions: Action[], kind: KindModel | undefined, had: ReadonlyMap<string, number> | undefined): { perObject: Map<string, number>; removals: number } {
  const perObject = new Map<string, number>();
  let removals = 0;
  const sets = kind !== undefined && hasSetFields(kind);
  for (const a of actions) {
    // A create removes nothing, and without set fields only a delete removes members.
    if (a.op === "create" || (!sets && a.op !== "delete")) continue;
    const key = a.renamedFrom ?? a.key;
    if (a.op === "delete") {
      removals += had?.get(key) ?? 0;
      continue;
    }
    let n = 0;
    for (const c of a.changes) if (kind && fieldSpecOf(kind.fields, c.field)?.type === "set") n += c.remove?.length ?? 0;
    if (n) perObject.set(key, (perObject.get(key) ?? 0) + n);
    removals += n;
  }
  return { perObject, removals };
}

/** Members of set fields per live object, by key: what the per-object brake compares with. */
export function membersPerObject(model: KindModel, live: LiveResource[]): Map<string, number> {
  const out = new Map<string, number>();
  if (!hasSetFields(model)) return out;
  for (const l of live) {
    let n = 0;
    for (const f in l.fields) {
      const v = l.fields[f];
      if (Array.isArray(v) && fieldSpecOf(model.fields, f)?.type === "set") n += v.length;
    }
    out.set(l.key, n);
  }
  return out;
}

function percent(part: number, whole: number): string {
  return `${Math.round((part * 100) / whole)}%`;
}

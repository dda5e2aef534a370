import { fieldSpecOf, type KindModel } from "../model/kind.js";
import type { Action, SafetyViolation } from "../model/plan.js";
import type { EffectivePolicy } from "../model/policy.js";

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
}

/** The safety brakes: mass deletes, mass member removals, and a kind's scope shrinking to nothing. */
export function checkSafety(actions: Action[], tallies: KindTally[], kinds: ReadonlyMap<string, KindModel>): SafetyViolation[] {
  const violations: SafetyViolation[] = [];
  for (const t of tallies) {
    const mine = actions.filter((a) => a.target === t.target && a.kind === t.kind);
    const deletes = mine.filter((a) => a.op === "delete").length;
    const removals = countRemovals(mine, kinds.get(t.kind));
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
    if (p.unmanaged === "delete" && t.desired === 0 && deletes > 0) {
      violations.push({ ...where, rule: "scopeShrink", message: `no ${t.kind} is left in the manifests for target "${t.target}" while unmanaged objects are deleted: all ${deletes} would go` });
    }
  }
  return violations;
}

function countRemovals(actions: Action[], kind: KindModel | undefined): number {
  let n = 0;
  for (const a of actions) {
    for (const c of a.changes) if (kind && fieldSpecOf(kind.fields, c.field)?.type === "set") n += c.remove?.length ?? 0;
  }
  return n;
}

function percent(part: number, whole: number): string {
  return `${Math.round((part * 100) / whole)}%`;
}

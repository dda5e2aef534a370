import type { Manifests } from "../manifest/load.js";
import type { Action } from "../model/plan.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";
import { makePlan, type PlannedChanges } from "./build-plan.js";
import { scopeFor } from "./fetch.js";
import { stableJson } from "./fingerprint.js";
import type { LiveState } from "./live.js";
import type { ScopePair } from "./scope.js";

export interface SettledScope {
  pairs: ScopePair[];
  /** One line per pair added to the selection, saying why. */
  widened: string[];
}

/**
 * Check a narrowed selection against the plan of it and everything related to it (`live` holds
 * both). The selection stands when that wider plan has exactly the same actions and problems
 * for it; otherwise pairs are added: those whose actions the selected ones depend on, and,
 * when the selected kinds would plan differently alone or a check would be skipped, every
 * related pair the wider plan changes or needs.
 */
export function settleNarrowing(
  manifests: Manifests,
  state: LiveState,
  selected: ScopePair[],
  related: ScopePair[],
  lookup: DriverLookup = shippedDrivers,
): SettledScope {
  const key = (p: ScopePair) => `${p.target}\u0000${p.kind}`;
  const chosen = new Set(selected.map(key));
  const planOf = (pairs: ScopePair[]) => makePlan(manifests, state.live, scopeFor(pairs, manifests.desired, lookup), state.facts, lookup);
  const narrow = planOf(selected);
  const wide = planOf(related);
  const inSelection = (a: Action) => chosen.has(key(a));

  const reasons = new Map<string, { pair: ScopePair; why: string }>();
  const add = (pair: ScopePair, why: string) => {
    if (!chosen.has(key(pair)) && !reasons.has(key(pair))) reasons.set(key(pair), { pair, why });
  };
  for (const a of dependencies(wide, inSelection)) add(a, "the selected changes depend on its changes");
  const sameActions = stableJson(narrow.plan.actions) === stableJson(wide.plan.actions.filter(inSelection));
  if (!sameActions) {
    for (const a of wide.plan.actions) add(a, "planned without it, the selected kinds would plan differently");
  }
  const known = new Set(narrow.problems.map((p) => p.message));
  if (wide.problems.some((p) => !known.has(p.message))) {
    for (const p of related) add(p, "a plan-time check of the selected changes needs it");
  }
  const extra = [...reasons.values()].sort((a, b) => (key(a.pair) < key(b.pair) ? -1 : 1));
  return {
    pairs: [...selected, ...extra.map((r) => r.pair)],
    widened: extra.map(({ pair, why }) => `also planning ${pair.kind} in target "${pair.target}": ${why}`),
  };
}

/** Actions outside the selection that selected actions need, directly or through others. */
function dependencies(planned: PlannedChanges, inSelection: (a: Action) => boolean): Action[] {
  const byId = new Map(planned.plan.actions.map((a) => [a.id, a]));
  const needed = new Map<string, Action>();
  const stack = planned.plan.actions.filter(inSelection);
  for (let a = stack.pop(); a; a = stack.pop()) {
    for (const id of a.dependsOn) {
      const dep = byId.get(id);
      if (!dep || inSelection(dep) || needed.has(id)) continue;
      needed.set(id, dep);
      stack.push(dep);
    }
  }
  return [...needed.values()];
}

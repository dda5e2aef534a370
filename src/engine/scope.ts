import type { Manifests } from "../manifest/load.js";
import { UsageError } from "../model/errors.js";
import { refFields, type KindModel } from "../model/kind.js";
import type { PlanSelection } from "../model/plan.js";

/** What `--target` and `--kind` ask for (absent or empty: everything). */
export interface Selection {
  target?: string[];
  kind?: string[];
}

export interface ScopePair {
  target: string;
  kind: string;
}

/** The selection in its recorded form: sorted, without repeats. */
export function recordedSelection(selection: Selection = {}): PlanSelection {
  const norm = (list: string[] | undefined) => [...new Set(list ?? [])].sort();
  return { targets: norm(selection.target), kinds: norm(selection.kind) };
}

/** The (target, kind) pairs to work on, narrowed by a selection. */
export function selectScope(manifests: Manifests, selection: Selection = {}): ScopePair[] {
  const targets = new Set(manifests.targets.map((t) => t.name));
  for (const t of selection.target ?? []) if (!targets.has(t)) throw new UsageError(`--target ${t}: no such target in the manifests`);
  const kinds = new Set(manifests.scope.map((s) => s.kind));
  for (const k of selection.kind ?? []) if (!kinds.has(k)) throw new UsageError(`--kind ${k}: no manifest uses this kind`);
  return manifests.scope.filter(
    (s) => (!selection.target?.length || selection.target.includes(s.target)) && (!selection.kind?.length || selection.kind.includes(s.kind)),
  );
}

/**
 * The selected pairs and, in the same targets, every pair of the manifests related to them:
 * a kind whose keys nest under another's, a kind that refers to another, and the reverse,
 * followed until nothing new is added. These are read so a narrowed plan can be checked
 * against what the whole would plan.
 */
export function relatedPairs(selected: ScopePair[], all: ScopePair[], kinds: ReadonlyMap<string, KindModel>): ScopePair[] {
  const key = (p: ScopePair) => `${p.target}\u0000${p.kind}`;
  const chosen = new Map(selected.map((p) => [key(p), p]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const q of all) {
      if (chosen.has(key(q))) continue;
      const linked = [...chosen.values()].some((p) => p.target === q.target && (pointsAt(kinds.get(p.kind), q.kind) || pointsAt(kinds.get(q.kind), p.kind)));
      if (linked) {
        chosen.set(key(q), q);
        grew = true;
      }
    }
  }
  return [...chosen.values()];
}

function pointsAt(model: KindModel | undefined, kind: string): boolean {
  if (!model || model.kind === kind) return false;
  return model.keyParent?.kind === kind || refFields(model).some(([, ref]) => ref === kind);
}

import { type Drift } from "../generate.js";
import { type Random } from "../random.js";
import { share } from "./common.js";

export interface TreePlan {
  /** Parent index of each node (-1 at the top). */
  parent: number[];
  leaves: number[];
  inner: number[];
  created: Set<number>;
  renamed: Set<number>;
  /** Node → its parent in the live state, for nodes that moved. */
  movedFrom: Map<number, number>;
  /** Live-only leaves to delete: their live parent. */
  extra: number[];
}

/** A forest of `n` nodes, 10 roots and 10 children per node; drift applied to leaves and inner nodes. */
export function planTree(n: number, drift: Drift, rnd: Random): TreePlan {
  const parent = Array.from({ length: n }, (_, i) => (i < 10 ? -1 : Math.floor(i / 10) - 1));
  const hasChild = new Array<boolean>(n).fill(false);
  for (const p of parent) if (p >= 0) hasChild[p] = true;
  const all = Array.from({ length: n }, (_, i) => i);
  const leaves = all.filter((i) => !hasChild[i]);
  const inner = all.filter((i) => hasChild[i]);
  const created = new Set(rnd.sample(leaves, share(n, drift.create)));
  const existing = all.filter((i) => !created.has(i));
  const renamed = new Set(rnd.sample(existing, share(n, drift.update)));
  const movedFrom = new Map<number, number>();
  const parents = inner.length ? inner : [];
  for (const leaf of rnd.sample(leaves.filter((i) => !created.has(i) && parent[i] !== -1), share(n, drift.move))) {
    const others = parents.filter((p) => p !== parent[leaf]);
    if (others.length) movedFrom.set(leaf, rnd.pick(others));
  }
  const extra = Array.from({ length: share(n, drift.delete) }, () => (parents.length ? rnd.pick(parents) : -1));
  return { parent, leaves, inner, created, renamed, movedFrom, extra };
}

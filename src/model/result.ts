import type { ActionOp } from "./plan.js";

/**
 * done: the vendor holds the change. failed: it refused or could not be reached. skipped: not
 * attempted (a dependency failed, or the run was interrupted first). unknown: in flight when
 * the run was stopped, or an answer was lost and the call could not be settled; only the next
 * plan can tell.
 */
export type ActionStatus = "done" | "failed" | "skipped" | "unknown";

/** What happened to one action during apply. */
export interface ActionResult {
  id: string;
  target: string;
  kind: string;
  key: string;
  op: ActionOp;
  status: ActionStatus;
  /** The vendor's error code, when the vendor gave one. */
  code?: string | number;
  message?: string;
  /** Calls of this action's operation that completed. */
  calls: number;
}

/** How an apply ended, as `apply --result` records it. */
export type RunVerdict = "applied" | "failed" | "interrupted" | "refused" | "nothing-to-do";

/** What `apply --result FILE` writes, also when a run fails or is interrupted. */
export interface ResultFile {
  formatVersion: 1;
  /** Named `outcome` in the file since its first format; the name stays so readers keep working. */
  outcome: RunVerdict;
  message?: string;
  counts: Record<ActionStatus, number>;
  results: ActionResult[];
}

export function countResults(results: ActionResult[]): Record<ActionStatus, number> {
  const counts: Record<ActionStatus, number> = { done: 0, failed: 0, skipped: 0, unknown: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

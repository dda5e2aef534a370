import type { ActionOp } from "./plan.js";

export type ActionStatus = "done" | "failed" | "skipped";

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

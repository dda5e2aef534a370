import type { ExecuteOptions } from "../apply/executor.js";
import type { Plan } from "../model/plan.js";
import type { ActionResult } from "../model/result.js";
import type { Io } from "./io.js";
import { Progress } from "./progress.js";

/** How long calls in flight may take to finish after SIGINT/SIGTERM (ORGFORM_SHUTDOWN_GRACE_MS). */
function graceMs(io: Io): number {
  const n = Number(io.env["ORGFORM_SHUTDOWN_GRACE_MS"]);
  return Number.isFinite(n) && n >= 0 ? n : 15_000;
}

/**
 * Execute with progress on stderr. SIGINT or SIGTERM stops new calls from starting and waits
 * (bounded) for the calls in flight; actions still in flight after the grace period are
 * reported as unknown.
 */
export async function runApply(plan: Plan, io: Io, start: (options: ExecuteOptions) => Promise<ActionResult[]>): Promise<ActionResult[]> {
  const progress = new Progress(io, "applying (actions)", plan.actions.length);
  const controller = new AbortController();
  const seen = new Map<string, ActionResult>();
  let giveUp: (() => void) | undefined;
  const gaveUp = new Promise<void>((resolve) => (giveUp = resolve));
  let timer: NodeJS.Timeout | undefined;
  const interrupt = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    io.err(`\n${signal}: no new calls will start; waiting up to ${Math.round(graceMs(io) / 1000)} s for the calls in flight.\n`);
    controller.abort();
    timer = setTimeout(() => giveUp?.(), graceMs(io));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  try {
    const finished = start({
      signal: controller.signal,
      onResult: (r) => {
        seen.set(r.id, r);
        progress.tick(r.status !== "done");
      },
    });
    const results = await Promise.race([finished, gaveUp.then(() => undefined)]);
    return results ?? withUnknown(plan, seen);
  } finally {
    if (timer) clearTimeout(timer);
    progress.finish();
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

/** Results so far, and every other action as unknown: it may or may not have reached the vendor. */
function withUnknown(plan: Plan, seen: Map<string, ActionResult>): ActionResult[] {
  return plan.actions.map(
    (a) =>
      seen.get(a.id) ?? { id: a.id, target: a.target, kind: a.kind, key: a.key, op: a.op, status: "unknown", calls: 0, message: "in flight when the run was stopped" },
  );
}

import type { ExecuteOptions } from "../apply/executor.js";
import { ManifestError, UnsafePlanError, UsageError } from "../model/errors.js";
import type { Plan } from "../model/plan.js";
import type { ActionResult } from "../model/result.js";
import { shippedDrivers } from "./drivers.js";
import { executeOperations, operationsFor, prepareOperations, type PreparedOperation } from "./operations.js";
import { checkPlan, planFilePositions, readPlanFile } from "./plan-file.js";
import { isPlanRun, planRun, type PlanRequest, type PlanRun } from "./plan-run.js";
import { recordedSelection, type Selection } from "./scope.js";
import { verifySavedPlan } from "./verify.js";

export interface ApplyRequest extends Omit<PlanRequest, "selection"> {
  /** A plan this process made with `planRun`… */
  run?: PlanRun;
  /** …or a saved plan (a file, or its parsed content): planned again from the manifests and applied only if identical. */
  savedPlan?: string | Plan;
  /** With a saved plan: must be the selection the plan recorded (default: that selection). */
  selection?: Selection;
  /** Apply a plan the safety brakes marked unsafe. */
  force?: boolean;
  /** Prepare the exact requests, send nothing. */
  dryRun?: boolean;
  /** Asked once every refusal check has passed, before the first call; false cancels. */
  confirm?(run: PlanRun): Promise<boolean>;
  /** Passed to the executor: `signal` stops new calls, `onResult` sees each action's result. */
  execution?: ExecuteOptions;
  /** Wraps the execution (the CLI adds signal handling and progress around it). */
  runner?(start: (options: ExecuteOptions) => Promise<ActionResult[]>, plan: Plan): Promise<ActionResult[]>;
}

export type ApplyVerdict = "applied" | "failed" | "interrupted" | "nothing-to-do" | "cancelled" | "dry-run";

export interface ApplyReport {
  /** The run that was applied: for a saved plan, the fresh plan that matched it. */
  run: PlanRun;
  verdict: ApplyVerdict;
  /** Every action's result (empty unless calls were made). */
  results: ActionResult[];
  /** For a dry run: the requests that would be sent, secrets blanked. */
  requests: PreparedOperation[];
}

/**
 * Apply a plan: verify a saved one against a fresh plan, refuse a plan with problems, refuse an
 * unsafe plan without `force`, then prepare the requests (dry run) or send them. Refusals throw
 * (ManifestError, PlanMismatchError, StalePlanError, UnsafePlanError, UsageError); nothing is sent then.
 */
export async function applyRun(request: ApplyRequest): Promise<ApplyReport> {
  const run = request.savedPlan !== undefined ? await verifiedRun(request, request.savedPlan) : request.run;
  if (!run) throw new UsageError("nothing to apply: give a run made by planRun or a saved plan");
  if (!isPlanRun(run)) throw new UsageError("the run to apply must come from planRun");
  if (run.problems.length) throw new ManifestError([...run.problems]);
  const report = (verdict: ApplyVerdict, results: ActionResult[] = [], requests: PreparedOperation[] = []): ApplyReport => ({ run, verdict, results, requests });
  const { plan, state } = run;
  if (plan.actions.length === 0) return report("nothing-to-do");
  if (!plan.safety.ok && !request.force) throw new UnsafePlanError(plan.safety.violations);
  const lookup = run.drivers;
  const ops = operationsFor(plan, state, lookup);
  if (request.dryRun) return report("dry-run", [], prepareOperations(ops, state, state.redactor));
  if (request.confirm && !(await request.confirm(run))) return report("cancelled");
  let used: ExecuteOptions = request.execution ?? {};
  const start = (options: ExecuteOptions) => {
    used = options;
    return executeOperations(ops, state, options, lookup);
  };
  const results = request.runner ? await request.runner(start, plan) : await start(used);
  const verdict = used.signal?.aborted ? "interrupted" : results.every((r) => r.status === "done") ? "applied" : "failed";
  return report(verdict, results);
}

/** Plan again with the saved plan's selection and accept the fresh run only if it is the same plan. */
async function verifiedRun(request: ApplyRequest, savedPlan: string | Plan): Promise<PlanRun> {
  const lookup = request.drivers ?? shippedDrivers;
  const file = typeof savedPlan === "string" ? savedPlan : undefined;
  const saved = file !== undefined ? readPlanFile(file, lookup) : checkPlan(savedPlan as Plan, lookup);
  const recorded = saved.selection ?? { targets: [], kinds: [] };
  const asked = recordedSelection(request.selection);
  if ((asked.targets.length || asked.kinds.length) && JSON.stringify(asked) !== JSON.stringify(recorded)) {
    throw new UsageError(`--target/--kind must select what the plan was made for (${describeSelection(recorded)}), or be left out; asked for ${describeSelection(asked)}`);
  }
  const fresh = await planRun({ ...request, selection: { target: recorded.targets, kind: recorded.kinds } });
  verifySavedPlan(saved, fresh.plan, file === undefined ? undefined : planFilePositions(file));
  return fresh;
}

function describeSelection(s: { targets: string[]; kinds: string[] }): string {
  const parts = [...s.targets.map((t) => `--target ${t}`), ...s.kinds.map((k) => `--kind ${k}`)];
  return parts.length ? parts.join(" ") : "everything";
}

import pLimit, { type LimitFunction } from "p-limit";
import type { FetchContext, KindSpec } from "../drivers/driver.js";
import { readPath } from "../drivers/kit/answer.js";
import { DriverError } from "../model/errors.js";
import type { Action } from "../model/plan.js";
import type { ActionResult, ActionStatus } from "../model/result.js";
import { InterruptedError, type Connection } from "../http/connection.js";
import { fromOutputs, resolveRequest, type Outputs } from "./deferred.js";
import type { Operation } from "./compile.js";

export type { ActionResult, ActionStatus };

export interface ExecutionEnvironment {
  connection(target: string): Connection;
  kindSpec(kind: string): KindSpec;
  fetchContext(target: string): FetchContext;
}

export interface ExecuteOptions {
  /** When aborted, no new operation starts; those in flight finish. */
  signal?: AbortSignal;
  onResult?(result: ActionResult): void;
}

/**
 * Run operations in dependency order, independent ones concurrently (the connections bound
 * concurrency and rate). A failure does not stop independent work; its dependents are skipped.
 */
export async function execute(ops: Operation[], env: ExecutionEnvironment, options: ExecuteOptions = {}): Promise<ActionResult[]> {
  const opOfAction = new Map<string, Operation>();
  for (const op of ops) for (const a of op.actions) opOfAction.set(a.id, op);
  const results = new Map<string, ActionResult>();
  const outputs: Outputs = new Map();
  const lanes = new Map<string, LimitFunction>();
  const running = new Map<Operation, Promise<void>>();

  const record = (action: Action, status: ActionStatus, calls: number, error?: { code?: string | number; message: string }) => {
    const result: ActionResult = { id: action.id, target: action.target, kind: action.kind, key: action.key, op: action.op, status, calls };
    if (error?.code !== undefined) result.code = error.code;
    if (error?.message !== undefined) result.message = error.message;
    results.set(action.id, result);
    options.onResult?.(result);
  };

  const run = (op: Operation): Promise<void> => {
    const existing = running.get(op);
    if (existing) return existing;
    const promise = (async () => {
      const deps = dependencies(op, opOfAction);
      await Promise.all(deps.map(run));
      const blocker = op.actions.flatMap((a) => a.dependsOn).find((d) => opOfAction.has(d) && results.get(d)?.status !== "done");
      if (blocker) {
        for (const a of op.actions) record(a, "skipped", 0, { message: `not attempted: ${blocker} did not succeed` });
        return;
      }
      if (options.signal?.aborted) {
        for (const a of op.actions) record(a, "skipped", 0, { message: "not attempted: the run was interrupted" });
        return;
      }
      const lane = op.lane === undefined ? undefined : laneFor(lanes, op.lane);
      const perform = () => performOperation(op, env, outputs, options.signal);
      const outcome = lane ? await lane(perform) : await perform();
      for (const a of op.actions) {
        const applied = outcome.applied.has(a.id);
        const status = applied ? "done" : outcome.untouched ? "skipped" : "failed";
        record(a, status, outcome.calls, applied ? undefined : outcome.error);
      }
    })();
    running.set(op, promise);
    return promise;
  };

  await Promise.all(ops.map(run));
  return ops.flatMap((op) => op.actions.map((a) => results.get(a.id) as ActionResult));
}

interface OperationOutcome {
  applied: Set<string>;
  calls: number;
  error?: { code?: string | number; message: string };
  /** Nothing was sent: the run was interrupted before the first call. */
  untouched?: boolean;
}

async function performOperation(op: Operation, env: ExecutionEnvironment, outputs: Outputs, signal?: AbortSignal): Promise<OperationOutcome> {
  const connection = env.connection(op.target);
  let calls = 0;
  try {
    for (const request of op.requests) {
      const data = await connection.call(resolveRequest(request, fromOutputs(outputs)), signal);
      calls++;
      if (request.capture && op.actions.length === 1) {
        const actionId = (op.actions[0] as Action).id;
        const captured = outputs.get(actionId) ?? {};
        for (const [name, path] of Object.entries(request.capture)) captured[name] = readPath(data, path);
        outputs.set(actionId, captured);
      }
    }
    return { applied: new Set(op.actions.map((a) => a.id)), calls };
  } catch (err) {
    const error = describe(err, calls, op.requests.length);
    if (err instanceof InterruptedError && calls === 0) return { applied: new Set(), calls, error, untouched: true };
    const spec = env.kindSpec(op.kind);
    if (op.actions.length > 1 && spec.settleFailedBatch) {
      try {
        const applied = await spec.settleFailedBatch(op.actions, env.fetchContext(op.target));
        return { applied, calls, error };
      } catch {
        // Could not re-read: report every action of the batch as failed, which is the safe claim.
      }
    }
    return { applied: new Set(), calls, error };
  }
}

function describe(err: unknown, done: number, total: number): { code?: string | number; message: string } {
  const partial = done > 0 ? ` (after ${done} of ${total} calls succeeded)` : "";
  if (err instanceof DriverError) return { code: err.code, message: `${err.vendorMessage}${partial}` };
  return { message: `${err instanceof Error ? err.message : String(err)}${partial}` };
}

function dependencies(op: Operation, opOfAction: Map<string, Operation>): Operation[] {
  const deps = new Set<Operation>();
  for (const a of op.actions) {
    for (const d of a.dependsOn) {
      const other = opOfAction.get(d);
      if (other && other !== op) deps.add(other);
    }
  }
  return [...deps];
}

function laneFor(lanes: Map<string, LimitFunction>, lane: string): LimitFunction {
  let limit = lanes.get(lane);
  if (!limit) {
    limit = pLimit(1);
    lanes.set(lane, limit);
  }
  return limit;
}

import pLimit, { type LimitFunction } from "p-limit";
import type { Driver, FetchContext, KindSpec } from "../drivers/driver.js";
import { readPath } from "../drivers/kit/answer.js";
import { AnswerLostError, DriverError } from "../model/errors.js";
import type { Action } from "../model/plan.js";
import type { ActionResult, ActionStatus } from "../model/result.js";
import { InterruptedError, type Connection } from "../http/connection.js";
import { fromOutputs, resolveRequest, type Outputs } from "./deferred.js";
import type { Operation } from "./compile.js";
import { readBack } from "./lost-answer.js";

export type { ActionResult, ActionStatus };

export interface ExecutionEnvironment {
  connection(target: string): Connection<Driver>;
  kindSpec(kind: string): KindSpec;
  fetchContext(target: string): FetchContext;
}

export interface ExecuteOptions {
  /** When aborted, no new call starts: calls waiting for a rate or concurrency slot leave the queue. */
  signal?: AbortSignal;
  /**
   * When aborted, stop waiting for calls in flight: `execute` returns at once, with every
   * operation that had a call on the wire reported `unknown` and the rest `skipped`.
   */
  abandon?: AbortSignal;
  onResult?(result: ActionResult): void;
}

type Failure = { code?: string | number; message: string };

/** What one operation came to: which of its actions the vendor holds, and how far it got. */
interface OperationReport {
  applied: Set<string>;
  calls: number;
  error?: Failure;
  /** Nothing went on the wire: the run was interrupted before the first call was sent. */
  untouched?: boolean;
  /** A call went on the wire and its result is not known (interrupted, or an answer was lost). */
  unsettled?: boolean;
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
  const onWire = new Set<Operation>();
  let frozen = false;

  const record = (action: Action, status: ActionStatus, calls: number, error?: Failure) => {
    if (frozen) return;
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
      await Promise.all(dependencies(op, opOfAction).map(run));
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
      const perform = () => performOperation(op, env, outputs, options.signal, () => onWire.add(op));
      const report = lane ? await lane(perform) : await perform();
      for (const a of op.actions) {
        const applied = report.applied.has(a.id);
        const status = applied ? "done" : report.untouched ? "skipped" : report.unsettled ? "unknown" : "failed";
        record(a, status, report.calls, applied ? undefined : report.error);
      }
    })();
    running.set(op, promise);
    return promise;
  };

  const all = Promise.all(ops.map(run));
  if (options.abandon) await Promise.race([all, whenAborted(options.abandon)]);
  else await all;
  frozen = true;
  return ops.flatMap((op) => op.actions.map((a) => results.get(a.id) ?? stopped(a, onWire.has(op))));
}

/** An action the run stopped waiting for: unknown when a call of it was sent, else never started. */
function stopped(a: Action, sent: boolean): ActionResult {
  const base = { id: a.id, target: a.target, kind: a.kind, key: a.key, op: a.op, calls: 0 };
  return sent
    ? { ...base, status: "unknown", message: "in flight when the run was stopped: only the next plan can tell whether it took effect" }
    : { ...base, status: "skipped", message: "not attempted: the run was stopped first" };
}

async function performOperation(op: Operation, env: ExecutionEnvironment, outputs: Outputs, signal: AbortSignal | undefined, onSent: () => void): Promise<OperationReport> {
  const connection = env.connection(op.target);
  let calls = 0;
  let sent = false;
  const markSent = () => {
    sent = true;
    onSent();
  };
  const single = op.actions.length === 1 ? (op.actions[0] as Action) : undefined;
  try {
    for (const request of op.requests) {
      let captured: Record<string, unknown>;
      try {
        const data = await connection.call(resolveRequest(request, fromOutputs(outputs)), { signal, onSent: markSent });
        captured = Object.fromEntries(Object.entries(request.capture ?? {}).map(([name, path]) => [name, readPath(data, path)]));
      } catch (err) {
        if (!(err instanceof AnswerLostError) || !single) throw err;
        const found = await readBack(single, request, connection, env.kindSpec(op.kind), env.fetchContext(op.target));
        if (!found.held) return { applied: new Set(), calls, error: { code: err.code, message: found.message }, unsettled: found.unsure };
        captured = found.outputs;
      }
      calls++;
      if (request.capture && single) outputs.set(single.id, { ...outputs.get(single.id), ...captured });
    }
    return { applied: new Set(op.actions.map((a) => a.id)), calls };
  } catch (err) {
    const error = describe(err, calls, op.requests.length);
    const uncertain = err instanceof DriverError && err.uncertain;
    if (err instanceof InterruptedError && !sent) return { applied: new Set(), calls, error: { message: "not attempted: the run was interrupted before its call was sent" }, untouched: true };
    if (err instanceof InterruptedError && calls === 0) return { applied: new Set(), calls, error: { message: "interrupted while waiting to retry a call that failed" }, unsettled: true };
    const spec = env.kindSpec(op.kind);
    if (op.actions.length > 1 && spec.settleFailedBatch) {
      try {
        const applied = await spec.settleFailedBatch(op.actions, env.fetchContext(op.target));
        return { applied, calls, error };
      } catch {
        // Could not re-read: report every action of the batch as failed, which is the safe claim.
      }
    }
    if (uncertain) return { applied: new Set(), calls, error: { ...error, message: `${error.message}; an answer was lost, so the vendor may hold the change: plan again to see` }, unsettled: true };
    return { applied: new Set(), calls, error };
  }
}

function describe(err: unknown, done: number, total: number): Failure {
  const partial = done > 0 ? ` (after ${done} of ${total} calls succeeded)` : "";
  if (err instanceof DriverError) return { code: err.code, message: `${err.vendorMessage}${partial}` };
  return { message: `${err instanceof Error ? err.message : String(err)}${partial}` };
}

function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
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

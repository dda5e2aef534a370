import type { ExecuteOptions } from "../apply/executor.js";
import type { Plan } from "../model/plan.js";
import type { ActionResult } from "../model/result.js";
import type { Io } from "./io.js";
import { Progress } from "./progress.js";

/**
 * Default grace for calls already sent after SIGINT/SIGTERM. CI runners cancel a job with
 * SIGINT, then SIGTERM 7.5 s later, then kill 2.5 s after that (GitHub Actions); 5 s leaves
 * time to print the table and write `--result` before the SIGTERM, which also stops at once.
 */
export const DEFAULT_GRACE_MS = 5_000;

/** How long calls in flight may take to finish after SIGINT/SIGTERM (ORGFORM_SHUTDOWN_GRACE_MS). */
export function graceMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env["ORGFORM_SHUTDOWN_GRACE_MS"];
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_GRACE_MS;
}

type SignalHandler = (signal: NodeJS.Signals) => void;
const handlers: SignalHandler[] = [];
const dispatch: SignalHandler = (signal) => handlers.at(-1)?.(signal);

let listening = false;

/** Route SIGINT and SIGTERM to `handler` until the returned function is called. */
export function takeSignals(handler: SignalHandler): () => void {
  if (!listening) {
    process.on("SIGINT", dispatch);
    process.on("SIGTERM", dispatch);
    listening = true;
  }
  handlers.push(handler);
  return () => {
    const at = handlers.lastIndexOf(handler);
    if (at >= 0) handlers.splice(at, 1);
    if (!handlers.length && listening) {
      process.off("SIGINT", dispatch);
      process.off("SIGTERM", dispatch);
      listening = false;
    }
  };
}

/** Stop routing signals: the command is over (a process that runs several commands calls this after each). */
export function releaseSignals(): void {
  handlers.length = 0;
  if (listening) {
    process.off("SIGINT", dispatch);
    process.off("SIGTERM", dispatch);
    listening = false;
  }
}

/**
 * Before any write (reading live state, planning, asking): a signal ends the run at once with
 * one line and exit 1, since nothing has changed yet.
 */
export function stopBeforeWrites(io: Io): () => void {
  return takeSignals((signal) => {
    io.err(`\n${signal}: stopped before any change was made.\n`);
    process.stdout.write("", () => process.stderr.write("", () => process.exit(1)));
  });
}

/**
 * Execute with progress on stderr. The first SIGINT or SIGTERM stops new calls from starting
 * (calls waiting for a rate or concurrency slot are dropped and reported skipped) and waits,
 * up to the grace period, only for calls already sent; a second signal, or the end of the
 * grace period, stops waiting: what is still in flight is reported unknown.
 */
export async function runApply(plan: Plan, io: Io, start: (options: ExecuteOptions) => Promise<ActionResult[]>): Promise<ActionResult[]> {
  const progress = new Progress(io, "applying (actions)", plan.actions.length);
  const stop = new AbortController();
  const abandon = new AbortController();
  const grace = graceMs(io.env);
  let timer: NodeJS.Timeout | undefined;
  // From here on "nothing was changed" is no longer true: the handlers for reading go.
  handlers.length = 0;
  const release = takeSignals((signal) => {
    if (!stop.signal.aborted) {
      io.err(`\n${signal}: no new calls will start; waiting up to ${seconds(grace)} for calls already sent (signal again to stop at once).\n`);
      stop.abort();
      timer = setTimeout(() => abandon.abort(), grace);
    } else if (!abandon.signal.aborted) {
      io.err(`\n${signal}: stopping now; calls still in flight are reported unknown.\n`);
      abandon.abort();
    }
  });
  try {
    return await start({ signal: stop.signal, abandon: abandon.signal, onResult: (r) => progress.tick(r.status) });
  } finally {
    if (timer) clearTimeout(timer);
    progress.finish();
    release();
    // The table and the result file are being written: a late signal must not cut them off.
    takeSignals(() => undefined);
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

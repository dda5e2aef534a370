import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { ManifestFile } from "./files.js";
import type { FastParse } from "./yaml.js";

/** A file read, decoded and fast-parsed on a parse thread. */
export interface OffThread {
  text: string;
  /** See `Decoded`. */
  plain: boolean;
  parsed: FastParse;
}

/** What a parse thread is given: its files, and the counter of results it has posted. */
export interface WorkerJob {
  paths: string[];
  posted: Int32Array;
}

/** Below this many bytes in all, a second thread costs more to start than it saves. */
const SPREAD_FROM_BYTES = 4 * 2 ** 20;
/** Parse threads at most, whatever the machine: merging their results stays on this thread. */
const MAX_WORKERS = 3;
/** A parse thread that posts nothing for this long is given up on; this thread parses what is left. */
const STALL_MS = 30_000;

let offThread = 0;

/** How many files parse threads have parsed in this process so far. */
export function offThreadParseCount(): number {
  return offThread;
}

const WORKER_FILE = fileURLToPath(new URL("./parse-worker.js", import.meta.url));

/**
 * How many parse threads to use besides this one: `requested` when given (0 = none), else one
 * per spare core (at most MAX_WORKERS) when there are several files and enough bytes to repay
 * starting threads. None where the thread's module is absent (running from sources).
 */
export function parseThreads(files: ManifestFile[], requested: number | undefined): number {
  if (files.length < 2 || !existsSync(WORKER_FILE)) return 0;
  if (requested !== undefined) return Math.min(requested, files.length - 1);
  const bytes = files.reduce((n, f) => n + sizeOf(f.path), 0);
  if (bytes < SPREAD_FROM_BYTES) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS, files.length - 1));
}

/**
 * `read` for every file, in order. With `threads` > 0 the files are shared out by size between
 * this thread and the parse threads: this thread reads its share first, then hands each file
 * a thread parsed to `read` with that thread's result (or none, and `read` does it all). The
 * wait is synchronous (Atomics.wait), so loading stays one synchronous call.
 */
export function readSpread<R>(files: ManifestFile[], threads: number, read: (file: ManifestFile, parsed?: OffThread) => R): R[] {
  if (threads < 1) return files.map((f) => read(f));
  const shares = shareOut(files.map((f) => sizeOf(f.path)), threads + 1);
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const mine = [...(shares[0] ?? [])];
  const running: { worker: Worker; port: MessagePort; share: number[] }[] = [];
  for (const share of shares.slice(1)) {
    const { port1, port2 } = new MessageChannel();
    const job: WorkerJob & { port: typeof port2 } = { paths: share.map((i) => (files[i] as ManifestFile).path), posted, port: port2 };
    try {
      const worker = new Worker(WORKER_FILE, { workerData: job, transferList: [port2] });
      worker.unref();
      running.push({ worker, port: port1, share });
    } catch {
      // No thread could be started here (a restricted runtime): this thread reads the share.
      port1.close();
      mine.push(...share);
    }
  }
  const out = new Array<R>(files.length);
  for (const i of mine) out[i] = read(files[i] as ManifestFile);

  let waiting = running.reduce((n, r) => n + r.share.length, 0);
  let seen = 0;
  while (waiting > 0) {
    let got = false;
    for (const r of running) {
      for (let m = receiveMessageOnPort(r.port); m; m = receiveMessageOnPort(r.port)) {
        const { at, result } = m.message as { at: number; result?: OffThread };
        const i = r.share[at] as number;
        if (result) offThread++;
        out[i] = read(files[i] as ManifestFile, result);
        waiting--;
        got = true;
      }
    }
    if (got || waiting === 0) continue;
    const now = Atomics.load(posted, 0);
    if (now !== seen) {
      seen = now;
      continue;
    }
    if (Atomics.wait(posted, 0, seen, STALL_MS) === "timed-out") break;
  }
  for (const r of running) {
    r.port.close();
    void r.worker.terminate();
  }
  // Whatever a stalled thread did not post is read here.
  for (let i = 0; i < files.length; i++) if (!(i in out)) out[i] = read(files[i] as ManifestFile);
  return out;
}

/** Indexes shared out into `n` lists of about equal total size: largest first, each to the lightest list. */
function shareOut(sizes: number[], n: number): number[][] {
  const lists = Array.from({ length: n }, () => ({ total: 0, items: [] as number[] }));
  const order = sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number));
  for (const i of order) {
    const lightest = lists.reduce((a, b) => (b.total < a.total ? b : a));
    lightest.items.push(i);
    lightest.total += sizes[i] as number;
  }
  return lists.map((l) => l.items.sort((a, b) => a - b));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

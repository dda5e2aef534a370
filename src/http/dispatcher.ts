import type { RateLimiter } from "./limiter.js";

interface Job<T> {
  buckets: ReadonlyMap<string, number>;
  run(answered: () => void): Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

/**
 * Sends a target's calls: at most `concurrency` in flight, each only when its rate buckets
 * allow. Waiting calls queue per bucket set (first come, first served within a queue); when a
 * slot frees, the first call of whichever queue may go soonest goes, so calls blocked by one
 * API's limit never hold up calls to another. A waiting call whose signal is aborted leaves
 * its queue at once (InterruptedError) without taking a slot or a rate token.
 */
export class Dispatcher {
  private readonly queues = new Map<string, Job<unknown>[]>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly concurrency: number,
  ) {}

  /**
   * Run `work` when a slot and the buckets allow; `work` gets the function that marks the answer.
   * Once `signal` is aborted a call that has not started never starts.
   */
  submit<T>(buckets: ReadonlyMap<string, number>, work: (answered: () => void) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new InterruptedError());
    return new Promise<T>((resolve, reject) => {
      const key = [...buckets.keys()].join("\u0000");
      const leave = () => {
        const queue = this.queues.get(key);
        const at = queue?.indexOf(job as Job<unknown>) ?? -1;
        if (!queue || at < 0) return;
        queue.splice(at, 1);
        if (!queue.length) this.queues.delete(key);
        reject(new InterruptedError());
      };
      const job: Job<T> = {
        buckets,
        run: work,
        resolve: (v) => {
          signal?.removeEventListener("abort", leave);
          resolve(v);
        },
        reject: (e) => {
          signal?.removeEventListener("abort", leave);
          reject(e);
        },
      };
      signal?.addEventListener("abort", leave, { once: true });
      const queue = this.queues.get(key) ?? [];
      queue.push(job as Job<unknown>);
      this.queues.set(key, queue);
      this.pump();
    });
  }

  /** Calls waiting for a slot or a rate token. */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.inFlight < this.concurrency) {
      let best: { key: string; wait: number } | undefined;
      for (const [key, queue] of this.queues) {
        const head = queue[0];
        if (!head) continue;
        const wait = this.limiter.waitFor(head.buckets);
        if (!best || wait < best.wait) best = { key, wait };
        if (wait === 0) break;
      }
      if (!best) return;
      if (best.wait > 0) {
        this.timer = setTimeout(() => this.pump(), Math.ceil(best.wait));
        return;
      }
      const queue = this.queues.get(best.key) as Job<unknown>[];
      const job = queue.shift() as Job<unknown>;
      if (!queue.length) this.queues.delete(best.key);
      this.start(job);
    }
  }

  private start(job: Job<unknown>): void {
    this.inFlight++;
    const answered = this.limiter.take(job.buckets);
    job
      .run(answered)
      .then(job.resolve, job.reject)
      .finally(() => {
        answered();
        this.inFlight--;
        this.pump();
      });
  }
}

/** The run was interrupted before this call was sent. */
export class InterruptedError extends Error {
  constructor() {
    super("not sent: the run was interrupted");
    this.name = "InterruptedError";
  }
}

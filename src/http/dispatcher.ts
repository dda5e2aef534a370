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
 * API's limit never hold up calls to another.
 */
export class Dispatcher {
  private readonly queues = new Map<string, Job<unknown>[]>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly concurrency: number,
  ) {}

  /** Run `work` when a slot and the buckets allow; `work` gets the function that marks the answer. */
  submit<T>(buckets: ReadonlyMap<string, number>, work: (answered: () => void) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const key = [...buckets.keys()].join("\u0000");
      const queue = this.queues.get(key) ?? [];
      queue.push({ buckets, run: work, resolve, reject } as Job<unknown>);
      this.queues.set(key, queue);
      this.pump();
    });
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

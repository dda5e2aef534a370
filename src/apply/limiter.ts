/**
 * Rate limits as reservations: each bucket spaces its calls evenly at its rate. A call that
 * counts against several buckets (the tenant's and the API's) takes the first slot free in
 * all of them. Reservations are made synchronously, so concurrent callers never overlap.
 */
export class RateLimiter {
  private readonly nextFree = new Map<string, number>();

  /** Calls are spaced a little wider than the published rate so jitter never trips the vendor. */
  constructor(
    private readonly headroom = 0.95,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Wait until a call may be made against every bucket given (name → requests per second). */
  async acquire(buckets: ReadonlyMap<string, number>): Promise<void> {
    const wait = this.reserve(buckets);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Book the next common slot; returns milliseconds to wait for it. */
  reserve(buckets: ReadonlyMap<string, number>): number {
    const now = this.now();
    let slot = now;
    for (const key of buckets.keys()) slot = Math.max(slot, this.nextFree.get(key) ?? now);
    for (const [key, rate] of buckets) {
      if (rate > 0 && Number.isFinite(rate)) this.nextFree.set(key, slot + 1000 / (rate * this.headroom));
    }
    return slot - now;
  }
}

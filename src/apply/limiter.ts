/**
 * Rate limits as reservations: each bucket spaces its calls evenly at its rate. A call that
 * counts against several buckets (the tenant's and the API's) takes the first slot free in
 * all of them. Reservations are made synchronously, so concurrent callers never overlap.
 *
 * Timers can fire late (a busy event loop, a paused process) and then release several
 * reserved calls at once; vendors count calls per second, so a second guard holds any call
 * that would put more than `rate × headroom` calls of a bucket into one second.
 */
export class RateLimiter {
  private readonly nextFree = new Map<string, number>();
  /** When each bucket's calls of the last second went out. */
  private readonly sent = new Map<string, number[]>();

  /** Calls are spaced a little wider than the published rate so jitter never trips the vendor. */
  constructor(
    private readonly headroom = 0.95,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Wait until a call may be made against every bucket given (name → requests per second). */
  async acquire(buckets: ReadonlyMap<string, number>): Promise<void> {
    const wait = this.reserve(buckets);
    if (wait > 0) await sleep(wait);
    for (let hold = this.admit(buckets); hold > 0; hold = this.admit(buckets)) await sleep(hold);
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

  /**
   * The one-second guard: 0 when the call fits into the last second of every bucket (and it is
   * counted there), else the milliseconds until it would.
   */
  admit(buckets: ReadonlyMap<string, number>): number {
    const now = this.now();
    let hold = 0;
    for (const [key, rate] of buckets) {
      if (!(rate > 0 && Number.isFinite(rate))) continue;
      const cap = Math.max(1, Math.floor(rate * this.headroom));
      const recent = (this.sent.get(key) ?? []).filter((t) => t > now - 1000);
      this.sent.set(key, recent);
      const oldest = recent[recent.length - cap];
      if (oldest !== undefined) hold = Math.max(hold, oldest + 1000 - now + 1);
    }
    if (hold > 0) return hold;
    for (const [key, rate] of buckets) if (rate > 0 && Number.isFinite(rate)) this.sent.get(key)?.push(now);
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

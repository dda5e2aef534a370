/**
 * Rate limits as reservations: each bucket spaces its calls evenly at its rate. A call that
 * counts against several buckets (the tenant's and the API's) takes the first slot free in
 * all of them. Reservations are made synchronously, so concurrent callers never overlap.
 *
 * Spacing alone is not enough: timers fire late (a busy event loop, a paused process) and
 * release reserved calls in a bunch, and the network delays some calls more than others.
 * Vendors count the calls that reach them in any one second, so a guard also holds a call
 * while `rate × headroom` calls of a bucket are in flight or answered within the last second.
 * A call reaches the vendor after it is admitted and before its answer returns, so no second
 * at the vendor can see more calls than that.
 */
export class RateLimiter {
  private readonly nextFree = new Map<string, number>();
  /** Per bucket: calls admitted, with when their answer came (Infinity while in flight). */
  private readonly calls = new Map<string, { done: number }[]>();

  /** Calls are spaced a little wider than the published rate so jitter never trips the vendor. */
  constructor(
    private readonly headroom = 0.95,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Wait until a call may be made against every bucket given (name → requests per second).
   * Call the returned function when the call's answer (or failure) arrives.
   */
  async acquire(buckets: ReadonlyMap<string, number>): Promise<() => void> {
    const wait = this.reserve(buckets);
    if (wait > 0) await sleep(wait);
    for (;;) {
      const admitted = this.admit(buckets);
      if (typeof admitted === "function") return admitted;
      await sleep(admitted);
    }
  }

  /** Book the next common slot; returns milliseconds to wait for it. */
  reserve(buckets: ReadonlyMap<string, number>): number {
    const now = this.now();
    let slot = now;
    for (const key of buckets.keys()) slot = Math.max(slot, this.nextFree.get(key) ?? now);
    for (const [key, rate] of buckets) {
      if (limited(rate)) this.nextFree.set(key, slot + 1000 / (rate * this.headroom));
    }
    return slot - now;
  }

  /**
   * The one-second guard: when the call fits into every bucket, count it and return the
   * function that marks it answered; otherwise the milliseconds to wait before asking again.
   */
  admit(buckets: ReadonlyMap<string, number>): (() => void) | number {
    const now = this.now();
    let hold = 0;
    for (const [key, rate] of buckets) {
      if (!limited(rate)) continue;
      const cap = Math.max(1, Math.floor(rate * this.headroom));
      const recent = (this.calls.get(key) ?? []).filter((c) => c.done > now - 1000);
      this.calls.set(key, recent);
      if (recent.length < cap) continue;
      // Enough calls must age out of the second; those still in flight have no date yet.
      const answered = recent.map((c) => c.done).filter(Number.isFinite).sort((a, b) => a - b);
      const leaves = answered[recent.length - cap];
      hold = Math.max(hold, leaves === undefined ? IN_FLIGHT_POLL_MS : leaves + 1000 - now + 1);
    }
    if (hold > 0) return hold;
    const call = { done: Infinity };
    for (const [key, rate] of buckets) if (limited(rate)) this.calls.get(key)?.push(call);
    return () => {
      if (call.done === Infinity) call.done = this.now();
    };
  }
}

/** How often a held call looks again when it waits only for calls still in flight. */
const IN_FLIGHT_POLL_MS = 20;

function limited(rate: number): boolean {
  return rate > 0 && Number.isFinite(rate);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

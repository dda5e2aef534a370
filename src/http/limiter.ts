/**
 * Rate limits as token buckets of one token: each bucket lets a call through once every
 * `1 / (rate × headroom)` seconds. A call that counts against several buckets (the tenant's
 * and its API's) goes when all of them allow it. The limiter only answers "when" and records
 * "now"; the connection's dispatcher decides which waiting call goes first, so a call blocked
 * by its own API never holds up calls to other APIs.
 *
 * A call let through a little late (timers fire late) keeps its bucket's timeline, so the
 * next call may follow it sooner: over a run the spacing averages the rate × headroom.
 *
 * Spacing alone is not enough: timers fire late (a busy event loop, a paused process) and the
 * network delays some calls more than others. Vendors count the calls that reach them in any
 * one second, so a guard also holds a call while `rate` calls of a bucket are in
 * flight or were answered within the last second. A call reaches the vendor after it is let
 * through and before its answer returns, so no second at the vendor sees more calls than that.
 */
export class RateLimiter {
  private readonly nextFree = new Map<string, number>();
  /** Per bucket: calls let through, with when their answer came (Infinity while in flight). */
  private readonly calls = new Map<string, { done: number }[]>();

  /** Calls are spaced a little wider than the published rate so jitter never trips the vendor. */
  constructor(
    private readonly headroom = 0.95,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Milliseconds until a call against these buckets (name → requests per second) may go; 0 = now. */
  waitFor(buckets: ReadonlyMap<string, number>): number {
    const now = this.now();
    let wait = 0;
    for (const [key, rate] of buckets) {
      if (!limited(rate)) continue;
      wait = Math.max(wait, (this.nextFree.get(key) ?? now) - now);
      // The guard can use the whole rate: a call counts from when it goes until a second after
      // its answer, which covers the moment it reaches the vendor. Spacing keeps the headroom.
      const cap = Math.max(1, Math.floor(rate));
      const recent = (this.calls.get(key) ?? []).filter((c) => c.done > now - 1000);
      this.calls.set(key, recent);
      if (recent.length < cap) continue;
      // Enough calls must age out of the second; those still in flight have no date yet.
      const answered = recent.map((c) => c.done).filter(Number.isFinite).sort((a, b) => a - b);
      const leaves = answered[recent.length - cap];
      wait = Math.max(wait, leaves === undefined ? IN_FLIGHT_POLL_MS : leaves + 1000 - now + 1);
    }
    return wait;
  }

  /** Count a call that goes now; call the returned function when its answer (or failure) arrives. */
  take(buckets: ReadonlyMap<string, number>): () => void {
    const now = this.now();
    const call = { done: Infinity };
    for (const [key, rate] of buckets) {
      if (!limited(rate)) continue;
      const interval = 1000 / (rate * this.headroom);
      const due = this.nextFree.get(key) ?? now;
      // A call let through up to half an interval late keeps the bucket's timeline, so timer
      // lateness does not add up over a long run; after a longer pause the timeline restarts.
      const from = now - due <= interval / 2 ? due : now;
      this.nextFree.set(key, from + interval);
      const list = this.calls.get(key) ?? [];
      list.push(call);
      this.calls.set(key, list);
    }
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

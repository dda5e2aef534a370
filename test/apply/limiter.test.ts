import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/apply/limiter.js";
import { backoffMs, type RetryPolicy } from "../../src/apply/retry.js";

describe("rate limiter reservations", () => {
  it("spaces calls evenly at the bucket's rate, with headroom", () => {
    let now = 0;
    const limiter = new RateLimiter(0.5, () => now);
    const buckets = new Map([["api", 10]]);

    // 10/s at half headroom = one call every 200 ms.
    expect([1, 2, 3].map(() => limiter.reserve(buckets))).toEqual([0, 200, 400]);
    now = 1000;
    expect(limiter.reserve(buckets)).toBe(0);
  });

  it("makes a call wait for the slowest of its buckets", () => {
    const now = 0;
    const limiter = new RateLimiter(1, () => now);
    const tenant = new Map([["tenant", 50]]);
    const members = new Map([["tenant", 50], ["members", 10]]);

    expect(limiter.reserve(members)).toBe(0);
    expect(limiter.reserve(members)).toBe(100);
    // The tenant bucket was pushed along too: other APIs queue behind the member call's slot.
    expect(limiter.reserve(tenant)).toBe(120);
  });
});

describe("backoff", () => {
  const policy: RetryPolicy = { attempts: 5, baseMs: 100, maxMs: 1000, rateLimitedMs: 1000, random: () => 1 };

  it("doubles per attempt up to the cap", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n, "server"))).toEqual([100, 200, 400, 800, 1000]);
  });

  it("waits at least a second after the vendor said rate limited", () => {
    expect(backoffMs(policy, 1, "rateLimited")).toBe(1000);
  });

  it("jitters between half and all of the ceiling", () => {
    expect(backoffMs({ ...policy, random: () => 0 }, 3, "busy")).toBe(200);
  });
});

describe("rate limiter one-second guard", () => {
  it("holds a call that a late timer would bunch past rate × headroom calls in one second", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    const api = new Map([["api", 3]]);

    // Three calls, answered at once, fit into one second; a fourth must wait for the first to age out.
    for (const t of [0, 10, 20]) {
      now = t;
      const release = limiter.admit(api);
      expect(typeof release).toBe("function");
      (release as () => void)();
    }
    now = 900;
    expect(limiter.admit(api)).toBe(101);
    now = 1001;
    expect(typeof limiter.admit(api)).toBe("function");
  });

  it("counts a call from admission until a second after its answer", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    const api = new Map([["api", 1]]);

    const release = limiter.admit(api) as () => void;
    now = 5000;
    // Still in flight: the vendor may not have seen it yet, so nothing else goes.
    expect(limiter.admit(api)).toBe(20);
    release();
    now = 5500;
    expect(limiter.admit(api)).toBe(501);
  });

  it("leaves buckets without a finite rate alone", () => {
    const limiter = new RateLimiter(0.5, () => 0);
    const both = new Map([["tenant", 4], ["free", Infinity]]);

    // 4/s at half headroom: two calls a second, whatever the unlimited bucket says.
    expect([limiter.admit(both), limiter.admit(both)].map((r) => typeof r)).toEqual(["function", "function"]);
    expect(limiter.admit(both)).toBe(20);
  });
});

import { describe, expect, it } from "vitest";
import { Dispatcher, InterruptedError } from "../../src/http/dispatcher.js";
import { RateLimiter } from "../../src/http/limiter.js";
import { backoffMs, pause, retryAfterMs, type RetryPolicy } from "../../src/http/retry.js";

describe("rate limiter spacing", () => {
  it("spaces calls at the bucket's rate, with headroom", () => {
    let now = 0;
    const limiter = new RateLimiter(0.5, () => now);
    const api = new Map([["api", 10]]);

    // 10/s at half headroom = one call every 200 ms.
    limiter.take(api)();
    expect(limiter.waitFor(api)).toBe(200);
    now = 200;
    expect(limiter.waitFor(api)).toBe(0);
  });

  it("keeps the timeline when a call goes a little late, and restarts it after a pause", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    const api = new Map([["api", 10]]);

    limiter.take(api)();
    now = 130; // due at 100, let through 30 ms late (less than half the 100 ms interval)
    limiter.take(api)();
    expect(limiter.waitFor(api)).toBe(70); // the third is due at 200, not 230
    now = 1000; // a pause: a full interval from now, no burst to catch up
    limiter.take(api)();
    expect(limiter.waitFor(api)).toBe(100);
  });

  it("makes a call wait for the slowest of its buckets, and only its own", () => {
    const limiter = new RateLimiter(1, () => 0);
    const members = new Map([["tenant", 50], ["members", 10]]);
    const roles = new Map([["tenant", 50], ["roles", 20]]);

    limiter.take(members)();

    expect(limiter.waitFor(members)).toBe(100);
    // Another API waits only for the tenant's spacing, not behind the member call's API.
    expect(limiter.waitFor(roles)).toBe(20);
  });
});

describe("rate limiter one-second guard", () => {
  it("holds a call that would put more than rate × headroom calls into one second", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    const api = new Map([["api", 3]]);
    const answers: (() => void)[] = [];

    for (const t of [0, 340, 680]) {
      now = t;
      answers.push(limiter.take(api));
    }
    now = 900; // the three answers arrive late, together
    for (const answered of answers) answered();
    now = 1100;
    // Spacing alone would let a fourth call go now; the vendor may still count the three.
    expect(limiter.waitFor(api)).toBe(801);
    now = 1901;
    expect(limiter.waitFor(api)).toBe(0);
  });

  it("counts a call from when it goes until a second after its answer", () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    const api = new Map([["api", 1]]);

    const answered = limiter.take(api);
    now = 5000;
    // Still in flight: the vendor may not have seen it yet, so nothing else goes.
    expect(limiter.waitFor(api)).toBe(20);
    answered();
    now = 5500;
    expect(limiter.waitFor(api)).toBe(501);
  });

  it("leaves buckets without a finite rate alone", () => {
    const limiter = new RateLimiter(0.5, () => 0);
    const both = new Map([["tenant", 4], ["free", Infinity]]);

    limiter.take(both)();

    // 4/s at half headroom: one call every 500 ms, whatever the unlimited bucket says.
    expect(limiter.waitFor(both)).toBe(500);
  });
});

describe("dispatcher", () => {
  it("never has more calls in flight than its concurrency", async () => {
    const dispatcher = new Dispatcher(new RateLimiter(), 3);
    let inFlight = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    };

    await Promise.all(Array.from({ length: 12 }, () => dispatcher.submit(new Map(), work)));

    expect(most).toBe(3);
  });

  it("lets a call to a free API overtake calls queued behind a slow one", async () => {
    const dispatcher = new Dispatcher(new RateLimiter(1), 1);
    const order: string[] = [];
    const slow = new Map([["slow", 5]]);
    const fast = new Map([["fast", 1000]]);

    const queued = [
      ...["s1", "s2", "s3"].map((name) => dispatcher.submit(slow, async () => void order.push(name))),
      dispatcher.submit(fast, async () => void order.push("f1")),
    ];
    await Promise.all(queued);

    // s2 and s3 wait 200 ms each for their bucket; f1 does not wait behind them.
    expect(order).toEqual(["s1", "f1", "s2", "s3"]);
  });

  it("drops calls still waiting for a rate slot on abort, without letting them take a slot", async () => {
    const limiter = new RateLimiter(1);
    const dispatcher = new Dispatcher(limiter, 5);
    const controller = new AbortController();
    const bucket = new Map([["api", 2]]);
    const ran: number[] = [];
    const calls = Array.from({ length: 6 }, (_, i) => dispatcher.submit(bucket, async () => void ran.push(i), controller.signal).then(() => "ran", (e: unknown) => e));

    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const settled = await Promise.all(calls);

    expect(ran).toEqual([0]);
    expect(settled[0]).toBe("ran");
    for (const s of settled.slice(1)) expect(s).toBeInstanceOf(InterruptedError);
    expect(dispatcher.waiting).toBe(0);
    // The dropped calls took no rate token: the next call waits only for the one that ran.
    expect(limiter.waitFor(bucket)).toBeLessThanOrEqual(1000 / 2);
  });

  it("drops calls waiting for a concurrency slot on abort; the running one finishes", async () => {
    const dispatcher = new Dispatcher(new RateLimiter(), 1);
    const controller = new AbortController();
    let release: () => void = () => undefined;
    const first = dispatcher.submit(new Map(), () => new Promise<string>((r) => (release = () => r("first"))), controller.signal);
    const second = dispatcher.submit(new Map(), async () => "second", controller.signal).catch((e: unknown) => e);

    controller.abort();
    expect(await second).toBeInstanceOf(InterruptedError);
    release();
    expect(await first).toBe("first");
  });

  it("refuses a call submitted after the abort", async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(new Dispatcher(new RateLimiter(), 1).submit(new Map(), async () => 1, controller.signal)).rejects.toBeInstanceOf(InterruptedError);
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

  it("waits at least what Retry-After asks after a rate-limit answer", () => {
    expect(backoffMs(policy, 1, "rateLimited", 3000)).toBe(3000);
    expect(backoffMs(policy, 1, "rateLimited", 10)).toBe(1000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-29T03:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Sun, 29 Nov 2026 03:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("Sun, 29 Nov 2026 02:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it("ends a wait between attempts at once on abort", async () => {
    const controller = new AbortController();
    const waiting = pause(60_000, controller.signal).catch((e: unknown) => e);

    controller.abort();

    expect(await waiting).toBeInstanceOf(InterruptedError);
  });
});

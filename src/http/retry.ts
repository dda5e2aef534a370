import type { FailureClass } from "../model/errors.js";

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  attempts: number;
  /** First backoff in milliseconds; doubles each attempt. */
  baseMs: number;
  /** Longest single wait. */
  maxMs: number;
  /** Shortest wait after the vendor said "rate limited" (vendors ask for about a second). */
  rateLimitedMs: number;
  /** Random number in [0, 1), for jitter. */
  random: () => number;
}

export function defaultRetryPolicy(env: Readonly<Record<string, string | undefined>> = process.env): RetryPolicy {
  const base = Number(env["ORGFORM_RETRY_BASE_MS"]);
  const scale = Number.isFinite(base) && base >= 0 ? base : 250;
  return {
    attempts: 6,
    baseMs: scale,
    maxMs: Math.max(scale * 32, scale),
    rateLimitedMs: Math.min(1000, scale * 4),
    random: Math.random,
  };
}

/** Exponential backoff with full jitter; throttling waits at least `rateLimitedMs`. */
export function backoffMs(policy: RetryPolicy, attempt: number, failure: FailureClass): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + policy.random() * (ceiling / 2);
  return failure === "rateLimited" ? Math.max(policy.rateLimitedMs, jittered) : jittered;
}

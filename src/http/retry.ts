import { setTimeout as delay } from "node:timers/promises";
import type { FailureClass } from "../model/errors.js";
import { InterruptedError } from "./dispatcher.js";

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

/** The longest Retry-After orgform waits for; a vendor asking for more gets the failure instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

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

/**
 * Exponential backoff with full jitter; throttling waits at least `rateLimitedMs`, and at least
 * what the vendor's Retry-After asked for when it sent one.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, failure: FailureClass, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + policy.random() * (ceiling / 2);
  const floor = failure === "rateLimited" ? Math.max(policy.rateLimitedMs, retryAfterMs ?? 0) : 0;
  return Math.max(floor, jittered);
}

/**
 * The wait an HTTP Retry-After header asks for, in milliseconds: delta-seconds or an HTTP date
 * (RFC 9110, section 10.2.3). Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Wait between attempts; an abort ends the wait at once with InterruptedError. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
  } catch (err) {
    if (signal?.aborted) throw new InterruptedError();
    throw err;
  }
}

import { Connection, type CallObserver } from "../http/connection.js";
import { RateLimiter } from "../http/limiter.js";
import { defaultRetryPolicy, type RetryPolicy } from "../http/retry.js";
import type { Driver } from "../drivers/driver.js";
import { Redactor } from "../http/redact.js";
import { createHttpSender, defaultTimeoutMs, type HttpLog, type HttpSender } from "../http/sender.js";
import type { TargetConfig } from "../model/target.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";

export interface ConnectOptions {
  sender?: HttpSender;
  retry?: RetryPolicy;
  /** Collects every secret and token seen, so callers can scrub them from what they print. */
  redactor?: Redactor;
  observe?: CallObserver;
  /** Where the default sender logs each HTTP exchange (redacted); nothing is logged without it. */
  httpLog?: HttpLog;
  /** Where the default retry policy and call timeout are read (ORGFORM_RETRY_BASE_MS, ORGFORM_HTTP_TIMEOUT_MS; default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One connection per target; they share one rate limiter, so two targets on one tenant share its quota. */
export function connectTargets(targets: TargetConfig[], options: ConnectOptions = {}, lookup: DriverLookup = shippedDrivers): Map<string, Connection<Driver>> {
  const redactor = options.redactor ?? new Redactor();
  const shared = {
    sender: options.sender ?? createHttpSender({ log: options.httpLog, redact: (text) => redactor.redact(text), timeoutMs: defaultTimeoutMs(options.env) }),
    limiter: new RateLimiter(),
    retry: options.retry ?? defaultRetryPolicy(options.env),
    redactor,
    observe: options.observe,
  };
  const out = new Map<string, Connection<Driver>>();
  for (const t of targets) {
    const driver = lookup.driver(t.driver);
    if (!driver) throw new Error(`target "${t.name}": no driver "${t.driver}"`);
    out.set(t.name, new Connection(t, driver, shared));
  }
  return out;
}

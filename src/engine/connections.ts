import { Connection, type CallObserver } from "../http/connection.js";
import { RateLimiter } from "../http/limiter.js";
import { defaultRetryPolicy, type RetryPolicy } from "../http/retry.js";
import type { Driver } from "../drivers/driver.js";
import { findDriver } from "../drivers/registry.js";
import { Redactor } from "../http/redact.js";
import { createHttpSender, type HttpSender } from "../http/sender.js";
import type { TargetConfig } from "../model/target.js";

export interface ConnectOptions {
  sender?: HttpSender;
  retry?: RetryPolicy;
  redactor?: Redactor;
  observe?: CallObserver;
}

/** One connection per target; they share one rate limiter, so two targets on one tenant share its quota. */
export function connectTargets(targets: TargetConfig[], options: ConnectOptions = {}): Map<string, Connection<Driver>> {
  const limiter = new RateLimiter();
  const shared = {
    sender: options.sender ?? createHttpSender(),
    limiter,
    retry: options.retry ?? defaultRetryPolicy(),
    redactor: options.redactor ?? new Redactor(),
    observe: options.observe,
  };
  const out = new Map<string, Connection<Driver>>();
  for (const t of targets) {
    const driver = findDriver(t.driver);
    if (!driver) throw new Error(`target "${t.name}": no driver "${t.driver}"`);
    out.set(t.name, new Connection(t, driver, shared));
  }
  return out;
}

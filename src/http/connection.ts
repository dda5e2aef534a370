import type { Driver, Outcome, VendorClient } from "../drivers/driver.js";
import { NetworkError, type HttpSender } from "../http/sender.js";
import { Redactor } from "../http/redact.js";
import { DriverError, isRetryable } from "../model/errors.js";
import type { HttpResponse, VendorRequest } from "../model/request.js";
import type { TargetConfig } from "../model/target.js";
import { Dispatcher } from "./dispatcher.js";
import type { RateLimiter } from "./limiter.js";
import { backoffMs, type RetryPolicy } from "./retry.js";

/** Something that watches calls (progress, request counts for benchmarks). */
export type CallObserver = (event: { target: string; request: VendorRequest; attempt: number; outcome: Outcome }) => void;

export interface ConnectionOptions {
  sender: HttpSender;
  limiter: RateLimiter;
  retry: RetryPolicy;
  redactor: Redactor;
  observe?: CallObserver;
}

/**
 * A target's line to its vendor: the only place that sends. It obtains and refreshes tokens,
 * keeps calls inside the rate limits and the concurrency bound, and retries what may be retried.
 */
export class Connection {
  readonly client: VendorClient;
  private readonly dispatcher: Dispatcher;
  private readonly overall: number;
  private tokenInFlight: Promise<void> | undefined;

  constructor(
    readonly target: TargetConfig,
    readonly driver: Driver,
    private readonly options: ConnectionOptions,
  ) {
    this.client = driver.createClient({ endpoint: target.endpoint, credentials: target.credentials });
    this.dispatcher = new Dispatcher(options.limiter, target.limits?.concurrency ?? driver.limits.concurrency);
    this.overall = target.limits?.requestsPerSecond ?? driver.limits.requestsPerSecond;
    options.redactor.add(...Object.values(target.credentials));
  }

  /**
   * Make one vendor call and return the data of its successful answer, or throw DriverError.
   * Once `signal` is aborted no new exchange starts (InterruptedError); one in flight finishes.
   */
  async call(request: VendorRequest, signal?: AbortSignal): Promise<unknown> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      await this.ensureToken();
      const outcome = await this.exchange(request, attempt, signal);
      if (outcome.ok) return outcome.data;
      if (outcome.failure === "tokenExpired" && !refreshed) {
        refreshed = true;
        this.client.invalidateToken();
        attempt--; // a refresh is not a retry
        continue;
      }
      if (isRetryable(outcome.failure) && attempt < this.options.retry.attempts) {
        await sleep(backoffMs(this.options.retry, attempt, outcome.failure));
        continue;
      }
      throw this.failure(request, outcome);
    }
  }

  /** Get a token when the client has none; concurrent callers share one token request. */
  private async ensureToken(): Promise<void> {
    if (this.tokenInFlight) return this.tokenInFlight;
    const tokenRequest = this.client.tokenRequest(Date.now());
    if (!tokenRequest) return;
    this.tokenInFlight = (async () => {
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.exchange(tokenRequest, attempt);
        if (outcome.ok) {
          this.client.acceptToken(outcome.data, Date.now());
          this.options.redactor.add(...this.client.secrets());
          return;
        }
        if (isRetryable(outcome.failure) && attempt < this.options.retry.attempts) {
          await sleep(backoffMs(this.options.retry, attempt, outcome.failure));
          continue;
        }
        const failure = outcome.failure === "tokenExpired" ? "auth" : outcome.failure;
        throw this.failure(tokenRequest, { ...outcome, failure });
      }
    })();
    try {
      await this.tokenInFlight;
    } finally {
      this.tokenInFlight = undefined;
    }
  }

  /** One HTTP exchange inside the limits; transport failures become outcomes. */
  private async exchange(request: VendorRequest, attempt: number, signal?: AbortSignal): Promise<Outcome> {
    const buckets = new Map<string, number>([[`${this.target.endpoint} *`, this.overall]]);
    const apiRate = this.driver.limits.buckets?.[request.bucket];
    if (apiRate !== undefined) buckets.set(`${this.target.endpoint} ${request.bucket}`, apiRate);
    const outcome = await this.dispatcher.submit(buckets, async (answered): Promise<Outcome> => {
      if (signal?.aborted) throw new InterruptedError();
      let response: HttpResponse;
      try {
        response = await this.options.sender.send(this.client.prepare(request, Date.now()));
      } catch (err) {
        if (err instanceof NetworkError) return { ok: false, failure: "network", code: err.code, message: err.message };
        throw err;
      } finally {
        // The limiter's guard counts the call until a second after its answer.
        answered();
      }
      return this.client.interpret(request, response);
    });
    this.options.observe?.({ target: this.target.name, request, attempt, outcome });
    return outcome;
  }

  private failure(request: VendorRequest, outcome: Extract<Outcome, { ok: false }>): DriverError {
    const message = this.options.redactor.redact(outcome.message);
    return new DriverError(this.driver.name, outcome.failure, outcome.code, message, { method: request.method, path: request.path });
  }
}

/** The run was interrupted before this call was sent. */
export class InterruptedError extends Error {
  constructor() {
    super("not sent: the run was interrupted");
    this.name = "InterruptedError";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

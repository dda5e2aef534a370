import { NetworkError, type HttpSender } from "../http/sender.js";
import { Redactor } from "../http/redact.js";
import { AnswerLostError, DriverError, isRetryable, NetworkFailure } from "../model/errors.js";
import type { VendorClient, VendorLink } from "../model/link.js";
import type { Outcome } from "../model/outcome.js";
import type { HttpResponse, VendorRequest } from "../model/request.js";
import type { TargetConfig } from "../model/target.js";
import { Dispatcher, InterruptedError } from "./dispatcher.js";
import type { RateLimiter } from "./limiter.js";
import { describeNetworkCode, endpointHost, mayHaveBeenSent } from "./network-words.js";
import { backoffMs, MAX_RETRY_AFTER_MS, pause, retryAfterMs, type RetryPolicy } from "./retry.js";

export { InterruptedError };

/** Something that watches calls (progress, request counts for benchmarks). */
export type CallObserver = (event: { target: string; request: VendorRequest; attempt: number; outcome: Outcome }) => void;

export interface ConnectionOptions {
  sender: HttpSender;
  limiter: RateLimiter;
  retry: RetryPolicy;
  redactor: Redactor;
  observe?: CallObserver;
}

export interface CallOptions {
  /** Once aborted, no new exchange starts and a backoff wait ends (InterruptedError). */
  signal?: AbortSignal;
  /** Told each time an attempt goes on the wire (after it leaves the rate and slot queues). */
  onSent?: () => void;
}

/** One exchange as the connection sees it: the vendor's outcome and what it asked of the retry. */
interface Exchange {
  outcome: Outcome;
  retryAfterMs?: number;
}

/**
 * A target's line to its vendor: the only place that sends. It obtains and refreshes tokens,
 * keeps calls inside the rate limits and the concurrency bound, and retries what may be
 * retried. A write marked `retrySafe: false` whose answer was lost is never repeated.
 */
export class Connection<L extends VendorLink = VendorLink> {
  readonly client: VendorClient;
  private readonly dispatcher: Dispatcher;
  private readonly overall: number;
  private readonly host: string;
  private tokenInFlight: Promise<void> | undefined;

  constructor(
    readonly target: TargetConfig,
    readonly driver: L,
    private readonly options: ConnectionOptions,
  ) {
    this.client = driver.createClient({ endpoint: target.endpoint, credentials: target.credentials });
    this.dispatcher = new Dispatcher(options.limiter, target.limits?.concurrency ?? driver.limits.concurrency);
    this.overall = target.limits?.requestsPerSecond ?? driver.limits.requestsPerSecond;
    this.host = endpointHost(target.endpoint);
    options.redactor.add(...Object.values(target.credentials));
  }

  /** Make one vendor call and return the data of its successful answer, or throw DriverError. */
  async call(request: VendorRequest, options: CallOptions = {}): Promise<unknown> {
    const { signal } = options;
    let refreshed = false;
    let lost = false;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new InterruptedError();
      await this.ensureToken();
      const { outcome, retryAfterMs: asked } = await this.exchange(request, attempt, options);
      if (outcome.ok) return outcome.data;
      if (outcome.failure === "tokenExpired" && !refreshed) {
        refreshed = true;
        this.client.invalidateToken();
        attempt--; // a refresh is not a retry
        continue;
      }
      if (outcome.failure === "network" && mayHaveBeenSent(outcome.code)) {
        if (request.retrySafe === false) throw this.lost(request, outcome);
        lost = true;
      }
      const tooLong = asked !== undefined && asked > MAX_RETRY_AFTER_MS;
      if (isRetryable(outcome.failure) && attempt < this.options.retry.attempts && !tooLong) {
        await pause(backoffMs(this.options.retry, attempt, outcome.failure, asked), signal);
        continue;
      }
      const err = this.failure(request, outcome);
      err.uncertain = lost;
      throw err;
    }
  }

  /** Get a token when the client has none; concurrent callers share one token request. */
  private async ensureToken(): Promise<void> {
    if (this.tokenInFlight) return this.tokenInFlight;
    const tokenRequest = this.client.tokenRequest(Date.now());
    if (!tokenRequest) return;
    this.tokenInFlight = (async () => {
      for (let attempt = 1; ; attempt++) {
        const { outcome, retryAfterMs: asked } = await this.exchange(tokenRequest, attempt, {});
        if (outcome.ok) {
          this.client.acceptToken(outcome.data, Date.now());
          this.options.redactor.add(...this.client.secrets());
          return;
        }
        if (isRetryable(outcome.failure) && attempt < this.options.retry.attempts) {
          await pause(backoffMs(this.options.retry, attempt, outcome.failure, asked));
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
  private async exchange(request: VendorRequest, attempt: number, options: CallOptions): Promise<Exchange> {
    const buckets = new Map<string, number>([[`${this.target.endpoint} *`, this.overall]]);
    const apiRate = this.driver.limits.buckets?.[request.bucket];
    if (apiRate !== undefined) buckets.set(`${this.target.endpoint} ${request.bucket}`, apiRate);
    const result = await this.dispatcher.submit(
      buckets,
      async (answered): Promise<Exchange> => {
        let response: HttpResponse;
        try {
          options.onSent?.();
          response = await this.options.sender.send(this.client.prepare(request, Date.now()));
        } catch (err) {
          if (err instanceof NetworkError) return { outcome: { ok: false, failure: "network", code: err.code, message: err.message } };
          throw err;
        } finally {
          // The limiter's guard counts the call until a second after its answer.
          answered();
        }
        const outcome = this.client.interpret(request, response);
        const asked = response.status === 429 || (!outcome.ok && outcome.failure === "rateLimited") ? retryAfterMs(response.headers["retry-after"]) : undefined;
        return asked === undefined ? { outcome } : { outcome, retryAfterMs: asked };
      },
      options.signal,
    );
    this.options.observe?.({ target: this.target.name, request, attempt, outcome: result.outcome });
    return result;
  }

  private failure(request: VendorRequest, outcome: Extract<Outcome, { ok: false }>): DriverError {
    const detail = { method: request.method, path: request.path };
    if (outcome.failure === "network") {
      const reason = describeNetworkCode(outcome.code, outcome.message);
      const sentence = mayHaveBeenSent(outcome.code)
        ? `target ${this.target.name}: no answer from ${this.host} (${reason}) to ${request.method} ${request.path}`
        : `target ${this.target.name}: cannot reach ${this.host} (${reason}): is the endpoint right?`;
      return new NetworkFailure(this.driver.name, outcome.code, sentence, detail);
    }
    const message = this.options.redactor.redact(outcome.message);
    return new DriverError(this.driver.name, outcome.failure, outcome.code, message, detail);
  }

  private lost(request: VendorRequest, outcome: Extract<Outcome, { ok: false }>): AnswerLostError {
    const reason = describeNetworkCode(outcome.code, outcome.message);
    const sentence = `target ${this.target.name}: the answer from ${this.host} to ${request.method} ${request.path} was lost (${reason}); not repeated, since the vendor may have carried it out`;
    return new AnswerLostError(this.driver.name, outcome.code, sentence, { method: request.method, path: request.path });
  }
}

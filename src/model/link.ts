import type { Outcome } from "./outcome.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "./request.js";

/**
 * A driver's wire adapter for one target: authentication, signing and envelopes. It never
 * sends anything itself; the core sends, retries and refreshes through it.
 */
export interface VendorClient {
  /** The request that obtains a token, or undefined when the current one is still good. */
  tokenRequest(now: number): VendorRequest | undefined;
  /** Keep the token from a successful token response. */
  acceptToken(data: unknown, now: number): void;
  /** Forget the token (the vendor said it expired). */
  invalidateToken(): void;
  /** Add authentication, timestamps and signatures. The request holds no Deferred values. */
  prepare(request: VendorRequest, now: number): HttpRequest;
  /** Read the vendor's envelope: success data or a classified failure. */
  interpret(request: VendorRequest, response: HttpResponse): Outcome;
  /** Values that must never be printed: credential secrets and current tokens. */
  secrets(): string[];
}

/** Rate and concurrency bounds of one vendor. */
export interface WireLimits {
  /** Requests per second for the whole tenant (all calls). */
  requestsPerSecond: number;
  /** Calls in flight at once per target. */
  concurrency: number;
  /** Per-API limits in requests per second, keyed by VendorRequest.bucket. */
  buckets?: Record<string, number>;
}

/** What the HTTP core needs from a driver: its name, its limits and its wire adapter. */
export interface VendorLink {
  name: string;
  limits: WireLimits;
  createClient(config: { endpoint: string; credentials: Record<string, string> }): VendorClient;
}

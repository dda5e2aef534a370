/**
 * A value that only exists after an earlier action has run (the id a create returns).
 * Drivers put it in request bodies; the executor replaces it before sending, and a dry run
 * prints it as `(known after apply)`.
 */
export interface Deferred {
  $deferred: { action: string; output: string };
}

export function deferred(action: string, output: string): Deferred {
  return { $deferred: { action, output } };
}

export function isDeferred(value: unknown): value is Deferred {
  return typeof value === "object" && value !== null && "$deferred" in value;
}

/** One HTTP call a driver wants made, before authentication and signing. Plain data. */
export interface VendorRequest {
  method: "GET" | "POST";
  /** Path relative to the target's endpoint, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean>;
  /** JSON body; may hold Deferred values. */
  body?: unknown;
  /** The vendor API this call counts against for rate limits (usually the path). */
  bucket: string;
  /** Values to keep from the response, by output name → dotted path in the response data. */
  capture?: Record<string, string>;
  /**
   * `false` for a write the vendor would carry out twice if it were sent twice (a create that
   * assigns a new id). When such a call's answer is lost after it was sent (a timeout, a reset
   * connection), the core does not repeat it: it re-reads the object and counts the action
   * done if the vendor holds it. Absent means the call may be repeated safely.
   */
  retrySafe?: false;
}

/** What the wire carries: produced by a driver client from a VendorRequest. */
export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

import type { FailureClass } from "../../model/errors.js";
import type { Outcome } from "../../model/outcome.js";
import type { HttpResponse } from "../../model/request.js";

/** The body as JSON, or undefined when it is not JSON. */
export function parseJsonBody(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Failures that look the same at every vendor: throttling and server errors by HTTP status. */
export function statusFailure(res: HttpResponse): FailureClass | undefined {
  if (res.status === 429) return "rateLimited";
  if (res.status >= 500) return "server";
  return undefined;
}

/** An answer that is not what the vendor's protocol promises (not JSON, a field missing). */
export function malformed(res: HttpResponse, what: string): Outcome {
  const failure = statusFailure(res) ?? "unknown";
  return { ok: false, failure, code: `HTTP ${res.status}`, message: `unexpected answer from the vendor: ${what}` };
}

/** Read a dotted path (`data.id`, `result.list`) from a JSON value. */
export function readPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

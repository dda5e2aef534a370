import type { EmuResponse } from "../vendor.js";

/** Success: HTTP 200 with the resource's own body (no code field). */
export function ok(body: Record<string, unknown>): EmuResponse {
  return { status: 200, body };
}

/** Answers made by `fail`, so a handler can tell them from the objects it looks up. */
const failures = new WeakSet<EmuResponse>();

/** Failure: HTTP 400 with `{code, msg}`. */
export function fail(code: number, msg: string): EmuResponse {
  const answer: EmuResponse = { status: 400, body: { code, msg }, code };
  failures.add(answer);
  return answer;
}

export type Params = Record<string, unknown>;

/** A required integer parameter, or the failure to answer with. */
export function intParam(params: Params, name: string, missingCode = 1): number | EmuResponse {
  const value = params[name];
  if (value === undefined || value === null) return fail(missingCode, `${name} is required`);
  if (typeof value !== "number" || !Number.isInteger(value)) return fail(1, `${name} must be an integer`);
  return value;
}

/** An optional non-negative integer parameter (skip, limit), or the failure to answer with. */
export function countParam(params: Params, name: string, fallback: number): number | EmuResponse {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) return fail(1, `${name} must be a non-negative integer`);
  return value;
}

export function boolParam(params: Params, name: string, fallback: boolean): boolean | EmuResponse {
  const value = params[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") return fail(1, `${name} must be a boolean`);
  return value;
}

export function isFailure(value: unknown): value is EmuResponse {
  return typeof value === "object" && value !== null && failures.has(value as EmuResponse);
}

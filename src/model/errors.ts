import type { Diagnostic, SafetyViolation } from "./plan.js";

/** How a vendor failure should be handled. */
export type FailureClass =
  | "auth"
  | "tokenExpired"
  | "rateLimited"
  | "busy"
  | "notFound"
  | "conflict"
  | "invalid"
  | "permission"
  | "network"
  | "server"
  | "unknown";

const RETRYABLE: ReadonlySet<FailureClass> = new Set(["rateLimited", "busy", "network", "server"]);

export function isRetryable(cls: FailureClass): boolean {
  return RETRYABLE.has(cls);
}

/** Input that cannot be used: every problem, each with file, line and field. */
export class ManifestError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"} in the input`);
    this.name = "ManifestError";
  }
}

/** A vendor call that failed, with the vendor's own code and message. */
export class DriverError extends Error {
  /**
   * An attempt of this call may have reached the vendor and its answer was lost (a timeout, a
   * reset after sending): the vendor may hold the change although the call failed.
   */
  uncertain = false;

  constructor(
    readonly vendor: string,
    readonly failure: FailureClass,
    readonly code: string | number | undefined,
    readonly vendorMessage: string,
    readonly detail?: { method?: string; path?: string; status?: number },
  ) {
    super(`${vendor}${code === undefined ? "" : ` error ${code}`}: ${vendorMessage}`);
    this.name = "DriverError";
  }
}

/**
 * No HTTP answer from the vendor: the endpoint could not be reached, or the answer did not
 * arrive. The message names the target and the host:port, as a user can act on it.
 */
export class NetworkFailure extends DriverError {
  constructor(
    vendor: string,
    code: string | number | undefined,
    sentence: string,
    detail?: { method?: string; path?: string },
  ) {
    super(vendor, "network", code, sentence, detail);
    this.message = sentence;
    this.name = "NetworkFailure";
  }
}

/**
 * A write the vendor would carry out twice (`retrySafe: false`) was sent and its answer was
 * lost: it was not repeated. Whether the vendor carried it out is only known by reading back.
 */
export class AnswerLostError extends NetworkFailure {
  constructor(vendor: string, code: string | number | undefined, sentence: string, detail?: { method?: string; path?: string }) {
    super(vendor, code, sentence, detail);
    this.name = "AnswerLostError";
  }
}

/** The user declined or abandoned a confirmation: not an error of orgform, with its exit code. */
export class CancelledError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "CancelledError";
  }
}

export class UnsafePlanError extends Error {
  constructor(readonly violations: SafetyViolation[]) {
    super(`the plan is unsafe (${violations.length} safety rule${violations.length === 1 ? "" : "s"} tripped); review it and use --force to apply anyway`);
    this.name = "UnsafePlanError";
  }
}

export class StalePlanError extends Error {
  constructor(readonly target: string) {
    super(`the plan is stale: live state of target "${target}" changed since the plan was made; run plan again`);
    this.name = "StalePlanError";
  }
}

/** A usage problem found by the CLI (bad flags, missing file). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

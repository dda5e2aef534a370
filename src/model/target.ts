import type { TargetPolicy } from "./policy.js";

export interface TargetLimits {
  requestsPerSecond?: number;
  concurrency?: number;
}

/** A Target document after interpolation. `credentials` holds secret values: never print it. */
export interface TargetConfig {
  name: string;
  driver: string;
  /** The endpoint to call (default: the driver's public URL). */
  endpoint: string;
  /** The endpoint as written (a `${VAR}` reference stays a reference). */
  endpointRef?: string;
  credentials: Record<string, string>;
  /** Credentials as written: identifiers inline, secrets as `${VAR}`. Safe to print and store. */
  credentialRefs: Record<string, string>;
  policy?: TargetPolicy;
  limits?: TargetLimits;
  /** Variables the target refers to that were not set (only when loaded for a command that calls no vendor). */
  missingVariables?: string[];
}

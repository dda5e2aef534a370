import type { LoggedRequest } from "../../../src/emulator/request-log.js";
import type { ActionOp } from "../../../src/model/plan.js";
import type { LiveResource } from "../../../src/model/resource.js";

/**
 * What one logged vendor call writes, as far as the call itself tells: the object it names
 * (by the vendor's identity, or by key when the call creates it or names it by key), what it
 * does to it, and the set members it adds or removes, by canonical field.
 */
export interface Touch {
  kind: string;
  op: ActionOp;
  identity?: string;
  key?: string;
  add?: Record<string, string[]>;
  remove?: Record<string, string[]>;
}

/** Live state read before the faulty apply and after the second one, to name what calls touch. */
export interface Known {
  before: LiveResource[];
  after: LiveResource[];
}

/** One driver's convergence scenario: a tenant, a desired state far from it, and how to read its calls. */
export interface Scenario {
  driver: string;
  /** Emulator state before the run. */
  state: Record<string, unknown>;
  env: Record<string, string>;
  /**
   * A tenant a few changes away from small manifests, for the checks every driver must pass
   * that need no scale (credentials, tokens, rate limits, broken answers, import).
   */
  small: { state: Record<string, unknown>; env: Record<string, string>; manifests(url: string): string };
  /** The environment variable holding the secret, and the code (and message) the vendor refuses a wrong one with. */
  wrongSecret: { variable: string; code: string | number; message?: string };
  /**
   * The call that issues a token or session, and the code a call sent with a lapsed one is
   * refused with; absent when the credential is a fixed key sent on every call.
   */
  token?: { path: string; lapsedCode: string | number };
  /** Whether the vendor answers "rate limited" at all (the emulator injects it only then). */
  rateLimits: boolean;
  /** A folder holding the target (pointing at the emulator) and the desired state. */
  manifests(url: string): string;
  /** The vendor's identity of a live object: unchanged by a rename. */
  identity(resource: LiveResource): string;
  /** What a call writes; [] for reads and token calls. */
  touches(call: LoggedRequest, known: Known): Touch[];
}

/** Look a live object up by the identity a scenario gives it. */
export function byIdentity(scenario: Scenario, live: LiveResource[], kind: string, identity: string): LiveResource | undefined {
  return live.find((r) => r.kind === kind && scenario.identity(r) === identity);
}

/** `<prefix>00`, `<prefix>01`, ...: names that sort in the order they are made. */
export function names(n: number, prefix: string, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(from + i).padStart(2, "0")}`);
}

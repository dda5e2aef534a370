import { UsageError } from "../model/errors.js";

/**
 * Faults the emulator can inject. All but `lost` act before a vendor call reaches the vendor's
 * logic. The first six are transient (a retry may succeed); `corrupt` (HTTP 200, not JSON) and
 * `empty` (HTTP 200, a JSON object with none of the expected fields) stand for a broken vendor
 * answer; `lost` lets the vendor carry the call out and then drops the connection without an
 * answer (applied, answer lost).
 */
export const FAULT_KINDS = ["http500", "timeout", "reset", "ratelimit", "tokenExpired", "busy", "corrupt", "empty", "lost"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultConfig {
  probability: number;
  seed: number;
  kinds: FaultKind[];
  /** Vendors affected; all when empty or absent. */
  vendors?: string[];
}

/** A small seeded generator (mulberry32): the same seed gives the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRANSIENT: FaultKind[] = ["http500", "timeout", "reset", "ratelimit", "tokenExpired", "busy"];

export class FaultInjector {
  private config: FaultConfig | undefined;
  private random: () => number = Math.random;

  configure(config: FaultConfig | undefined): void {
    this.config = config && { ...config, kinds: config.kinds.length ? config.kinds : TRANSIENT };
    if (config) this.random = seededRandom(config.seed);
  }

  current(): FaultConfig | undefined {
    return this.config;
  }

  /** Decide whether this call fails, and how. `supported` lists the kinds the vendor can show. */
  draw(vendor: string, supported: (kind: FaultKind) => boolean): FaultKind | undefined {
    const c = this.config;
    if (!c || c.probability <= 0) return undefined;
    if (c.vendors?.length && !c.vendors.includes(vendor)) return undefined;
    const kinds = c.kinds.filter(supported);
    if (!kinds.length) return undefined;
    if (this.random() >= c.probability) return undefined;
    return kinds[Math.floor(this.random() * kinds.length)];
  }
}

/**
 * Read a `PUT /_emulator/faults` body. Anything unknown or out of range is refused with the
 * reason (UsageError, answered as HTTP 400), never turned into a fault that fails every call.
 */
export function parseFaultConfig(body: unknown, vendorNames: readonly string[]): FaultConfig {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new UsageError("faults: the body must be a JSON object");
  const raw = body as Record<string, unknown>;
  const known = ["probability", "seed", "kinds", "vendors"];
  const extra = Object.keys(raw).filter((k) => !known.includes(k));
  if (extra.length) throw new UsageError(`faults: unknown field ${extra.join(", ")} (known: ${known.join(", ")})`);
  const probability = raw["probability"] ?? 0;
  if (typeof probability !== "number" || !Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw new UsageError(`faults.probability: must be a number from 0 to 1, got ${JSON.stringify(probability)}`);
  }
  const seed = raw["seed"] ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed)) throw new UsageError(`faults.seed: must be an integer, got ${JSON.stringify(seed)}`);
  return { probability, seed, kinds: listOf(raw["kinds"], "kinds", FAULT_KINDS) as FaultKind[], vendors: listOf(raw["vendors"], "vendors", vendorNames) };
}

function listOf(value: unknown, field: string, allowed: readonly string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new UsageError(`faults.${field}: must be a list`);
  const unknown = value.filter((v) => typeof v !== "string" || !allowed.includes(v));
  if (unknown.length) throw new UsageError(`faults.${field}: unknown ${unknown.map((v) => JSON.stringify(v)).join(", ")} (known: ${allowed.join(", ")})`);
  return value as string[];
}

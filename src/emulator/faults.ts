/**
 * Faults the emulator can inject before a vendor call reaches the vendor's logic. The first
 * six are transient (a retry may succeed); `corrupt` (HTTP 200, not JSON) and `empty` (HTTP
 * 200, a JSON object with none of the expected fields) stand for a broken vendor answer.
 */
export const FAULT_KINDS = ["http500", "timeout", "reset", "ratelimit", "tokenExpired", "busy", "corrupt", "empty"] as const;
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

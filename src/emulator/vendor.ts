import { createHash } from "node:crypto";

/** A request as a vendor emulator sees it: the path is below the vendor's prefix. */
export interface EmuRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  rawBody: string;
}

export interface EmuResponse {
  status: number;
  /** JSON value, or a string sent as is. */
  body: unknown;
  headers?: Record<string, string>;
  /** The vendor's code for the request log (errcode, code, ...). */
  code?: string | number;
}

/** Faults whose answer depends on the vendor's protocol. */
export type VendorFault = "http500" | "ratelimit" | "tokenExpired" | "busy";

/** One vendor's API, stateful, behind the shared emulator server. */
export interface VendorEmulator {
  readonly name: string;
  handle(req: EmuRequest, now: number): EmuResponse | Promise<EmuResponse>;
  /** The state section, in the shape the state file uses. */
  getState(): unknown;
  /** Replace the whole section (already validated against the schema). */
  setState(section: unknown): void;
  /** The vendor's own answer for an injected fault; undefined when the vendor has no such answer. */
  faultAnswer(kind: VendorFault): EmuResponse | undefined;
  /** Make every token issued so far expired. */
  expireTokens(): void;
}

export type VendorFactory = (section: unknown) => VendorEmulator;

/** Parse a request body the way lenient vendor gateways do: JSON, else form fields. */
export function parseBody(req: EmuRequest): Record<string, unknown> {
  const text = req.rawBody.trim();
  if (!text) return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("json") || text.startsWith("{")) {
    try {
      const value = JSON.parse(text) as unknown;
      return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
      return { __invalidJson: true };
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** A parameter that may arrive as a nested object or as a JSON-encoded string. */
export function objectParam(value: unknown): unknown {
  if (typeof value === "string" && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** Sliding one-second windows per key: true when the call fits under `perSecond`. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  allow(key: string, perSecond: number | undefined, now: number): boolean {
    if (!perSecond) return true;
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - 1000);
    if (list.length >= perSecond) {
      this.hits.set(key, list);
      return false;
    }
    list.push(now);
    this.hits.set(key, list);
    return true;
  }
}

/** Ids of 32 hex digits (or `width`), deterministic per emulator instance and prefix. */
export function idGenerator(prefix = "", width = 32): () => string {
  let n = 0;
  return () => {
    n++;
    return createHash("sha256").update(`${prefix}:${n}`).digest("hex").slice(0, width);
  };
}

import { createHash } from "node:crypto";
import type { LiveResource } from "../model/resource.js";

/** A hash of the live state read for one target: same objects, same fingerprint, in any order. */
export function fingerprint(live: LiveResource[]): string {
  const hash = createHash("sha256");
  const sorted = [...live].sort((a, b) => compare(a.kind, b.kind) || compare(a.key, b.key));
  // Hash in chunks of many objects: one update per object costs more than the text itself.
  let chunk = "";
  for (const r of sorted) {
    chunk += `${r.kind}\u0000${r.key}\u0000${stableJson(r.fields)}${stableJson(r.ids)}${r.readOnly ?? ""}\n`;
    if (chunk.length > 1 << 20) {
      hash.update(chunk);
      chunk = "";
    }
  }
  hash.update(chunk);
  return `sha256:${hash.digest("hex")}`;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value)) ?? "null";
}

/** The value with every object's keys in sorted order (undefined dropped); flat arrays are kept as they are. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === "object") ? value.map(sortedCopy) : value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (v !== undefined) out[k] = sortedCopy(v);
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

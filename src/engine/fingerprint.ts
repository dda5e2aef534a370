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
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    if (value.every(isPrimitive)) return JSON.stringify(value);
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stableJson(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  // Flat objects (the usual case) go through the native serializer with their keys in order.
  if (keys.every((k) => isFlat(obj[k]))) return JSON.stringify(obj, keys);
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(k)}:${stableJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v !== "object";
}

/** A primitive, or an array of primitives: what a key whitelist cannot reach into. */
function isFlat(v: unknown): boolean {
  return isPrimitive(v) || (Array.isArray(v) && v.every(isPrimitive));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

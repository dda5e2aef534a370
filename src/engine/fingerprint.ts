import { createHash } from "node:crypto";
import type { LiveResource } from "../model/resource.js";

/** A hash of the live state read for one target: same objects, same fingerprint, in any order. */
export function fingerprint(live: LiveResource[]): string {
  const hash = createHash("sha256");
  const sorted = [...live].sort((a, b) => compare(a.kind, b.kind) || compare(a.key, b.key));
  for (const r of sorted) {
    hash.update(r.kind).update("\u0000").update(r.key).update("\u0000");
    hash.update(stableJson(r.fields)).update(stableJson(r.ids)).update(r.readOnly ?? "").update("\n");
  }
  return `sha256:${hash.digest("hex")}`;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stableJson(value[i]);
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

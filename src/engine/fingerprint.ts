import { createHash } from "node:crypto";
import type { LiveResource } from "../model/resource.js";

/** A hash of the live state read for one target: same objects, same fingerprint, in any order. */
export function fingerprint(live: LiveResource[]): string {
  const hash = createHash("sha256");
  const rows = live.map((r) => stableJson([r.kind, r.key, r.fields, r.ids, r.readOnly ?? null])).sort();
  for (const row of rows) hash.update(row).update("\n");
  return `sha256:${hash.digest("hex")}`;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

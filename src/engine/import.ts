import { stringify } from "yaml";
import type { KindSpec } from "../drivers/driver.js";
import type { Manifests } from "../manifest/load.js";
import { UsageError } from "../model/errors.js";
import { can, reasonOf } from "../model/kind.js";
import type { LiveResource } from "../model/resource.js";
import type { ConnectOptions } from "./connections.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";
import { scopeFor } from "./fetch.js";
import { readLive } from "./live.js";

export interface ImportRead {
  target: string;
  /** Kinds read, each to become one manifest file. */
  kinds: KindSpec[];
  /** Kinds left out, with the reason (the vendor cannot list them and no manifest names objects). */
  skipped: { kind: string; reason: string }[];
  live: LiveResource[];
}

/**
 * Read what a target holds of the chosen kinds (default: all of its driver's). Kinds the
 * vendor cannot list are read for the objects the manifests name.
 */
export async function readForImport(
  manifests: Manifests,
  targetName: string,
  wanted: string[] = [],
  connect: ConnectOptions = {},
  lookup: DriverLookup = shippedDrivers,
): Promise<ImportRead> {
  const target = manifests.targets.find((t) => t.name === targetName);
  if (!target) throw new UsageError(`--target ${targetName}: no such target in the manifests`);
  const driver = lookup.driver(target.driver);
  if (!driver) throw new UsageError(`target "${target.name}": unknown driver ${target.driver}`);
  const kinds = wanted.length
    ? wanted.map((name) => {
        const spec = driver.kinds.find((k) => k.kind === name);
        if (!spec) throw new UsageError(`--kind ${name}: not a kind of driver ${driver.name}`);
        return spec;
      })
    : driver.kinds;
  const named = new Set(manifests.desired.filter((d) => d.target === target.name).map((d) => d.kind));
  const readable = kinds.filter((k) => can(k.listable) || named.has(k.kind));
  const skipped = kinds.filter((k) => !readable.includes(k)).map((k) => ({ kind: k.kind, reason: reasonOf(k.listable) }));
  const scope = scopeFor(readable.map((k) => ({ target: target.name, kind: k.kind })), manifests.desired, lookup);
  const state = await readLive(manifests.targets, scope, connect, lookup);
  return { target: target.name, kinds: readable, skipped, live: state.live.get(target.name) ?? [] };
}

/**
 * One manifest file for what a target holds of one kind: every object, in key order, with
 * its vendor ids pinned, and a schema comment for editors naming `schema` (where the kind's
 * schema is found from the file: see `schemaLocation`).
 */
export function importedManifest(target: string, spec: KindSpec, live: LiveResource[], schema: string): string {
  const items = live
    .filter((r) => r.kind === spec.kind && r.target === target)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => spec.toItem(r));
  const doc = { apiVersion: "orgform/v1", kind: spec.kind, target, items };
  return [
    `# yaml-language-server: $schema=${schema}`,
    `# Imported by orgform from target "${target}": ${items.length} object${items.length === 1 ? "" : "s"}.`,
    stringify(doc, { lineWidth: 0, sortMapEntries: false }),
  ].join("\n");
}

export function importFileName(target: string, kind: string): string {
  return `${target}.${kind}.yaml`;
}

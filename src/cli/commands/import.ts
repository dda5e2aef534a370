import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { findDriver, findKind } from "../../drivers/registry.js";
import type { KindSpec } from "../../drivers/driver.js";
import { scopeFor } from "../../engine/fetch.js";
import { importedManifest, importFileName } from "../../engine/import.js";
import { can } from "../../model/kind.js";
import { UsageError } from "../../model/errors.js";
import type { Io } from "../io.js";
import { load, readLive } from "./shared.js";

export interface ImportOptions {
  target: string;
  kind?: string[];
  out?: string;
}

/**
 * Write manifests for what a target holds today, one file per kind. Kinds the vendor cannot
 * list are read for the objects the manifests at PATH name.
 */
export async function importCommand(paths: string[], options: ImportOptions, io: Io): Promise<number> {
  const manifests = load(paths, io);
  const target = manifests.targets.find((t) => t.name === options.target);
  if (!target) throw new UsageError(`--target ${options.target}: no such target in the manifests`);
  const driver = findDriver(target.driver);
  if (!driver) throw new UsageError(`target "${target.name}": unknown driver ${target.driver}`);
  const kinds = chooseKinds(driver.kinds, options.kind, target.driver);
  const named = new Set(manifests.desired.filter((d) => d.target === target.name).map((d) => d.kind));
  const readable = kinds.filter((k) => can(k.listable) || named.has(k.kind));
  for (const k of kinds) {
    if (!readable.includes(k)) io.err(`Skipping ${k.kind}: ${(k.listable as { cannot: string }).cannot}. Name the objects in a manifest to import them.\n`);
  }
  const scope = scopeFor(readable.map((k) => ({ target: target.name, kind: k.kind })), manifests.desired);
  const state = await readLive(manifests.targets, scope, io);
  const outDir = resolve(options.out ?? ".");
  mkdirSync(outDir, { recursive: true });
  const live = state.live.get(target.name) ?? [];
  for (const spec of readable) {
    const file = join(outDir, importFileName(target.name, spec.kind));
    writeFileSync(file, importedManifest(target.name, spec, live, outDir));
    io.out(`Wrote ${file} (${live.filter((r) => r.kind === spec.kind).length} objects).\n`);
  }
  return 0;
}

function chooseKinds(all: KindSpec[], wanted: string[] | undefined, driver: string): KindSpec[] {
  if (!wanted?.length) return all;
  return wanted.map((name) => {
    const spec = findKind(name);
    if (!spec || !all.includes(spec)) throw new UsageError(`--kind ${name}: not a kind of driver ${driver}`);
    return spec;
  });
}

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { importedManifest, importFileName, readForImport } from "../../engine/import.js";
import type { Io } from "../io.js";
import { load, reading } from "./shared.js";

export interface ImportOptions {
  target: string;
  kind?: string[];
  out?: string;
}

/** Write manifests for what a target holds today, one file per kind. */
export async function importCommand(paths: string[], options: ImportOptions, io: Io): Promise<number> {
  const manifests = load(paths, io);
  const { connect, done } = reading(io);
  const read = await readForImport(manifests, options.target, options.kind, connect).finally(done);
  for (const s of read.skipped) io.err(`Skipping ${s.kind}: ${s.reason}. Name the objects in a manifest to import them.\n`);
  const outDir = resolve(options.out ?? ".");
  mkdirSync(outDir, { recursive: true });
  for (const spec of read.kinds) {
    const file = join(outDir, importFileName(read.target, spec.kind));
    writeFileSync(file, importedManifest(read.target, spec, read.live, outDir));
    io.out(`Wrote ${file} (${read.live.filter((r) => r.kind === spec.kind).length} objects).\n`);
  }
  return 0;
}

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { importedManifest, importFileName, readForImport } from "../../engine/import.js";
import { importedPeople, readPeople } from "../../engine/import-people.js";
import { peopleYaml } from "../../engine/import-people-yaml.js";
import { UsageError } from "../../model/errors.js";
import { schemaLocation } from "../editor-schemas.js";
import type { Io } from "../io.js";
import { load, reading } from "./shared.js";

export interface ImportOptions {
  target?: string;
  kind?: string[];
  out?: string;
  /** The folder `orgform schema --out` wrote: `$schema` comments point there instead of at the URLs. */
  schemas?: string;
  /** Write a first `people.yaml` from the people found in every target. */
  people?: boolean;
}

/** The file name `import --people` writes. */
export const PEOPLE_FILE = "people.yaml";

/** Write manifests for what a target holds today, one file per kind; or, with --people, a first people.yaml. */
export async function importCommand(paths: string[], options: ImportOptions, io: Io): Promise<number> {
  if (options.people) return importPeopleCommand(paths, options, io);
  if (options.target === undefined) throw new UsageError("import: give --target NAME (the target to import), or --people");
  const manifests = load(paths, io);
  const { connect, done } = reading(io);
  const read = await readForImport(manifests, options.target, options.kind, connect).finally(done);
  for (const s of read.skipped) io.err(`Skipping ${s.kind}: ${s.reason}. Name the objects in a manifest to import them.\n`);
  const outDir = resolve(options.out ?? ".");
  mkdirSync(outDir, { recursive: true });
  for (const spec of read.kinds) {
    const file = join(outDir, importFileName(read.target, spec.kind));
    writeFileSync(file, importedManifest(read.target, spec, read.live, schemaLocation(spec.schema, outDir, schemaDir(options))));
    io.out(`Wrote ${file} (${read.live.filter((r) => r.kind === spec.kind).length} objects).\n`);
  }
  return 0;
}

function schemaDir(options: ImportOptions): string | undefined {
  return options.schemas === undefined ? undefined : resolve(options.schemas);
}

/**
 * Read people from every target (or the one --target names) and write `people.yaml` into
 * --out. An existing file is never overwritten: a hand-edited directory would be lost.
 */
async function importPeopleCommand(paths: string[], options: ImportOptions, io: Io): Promise<number> {
  if (options.kind?.length) throw new UsageError("import --people reads every kind that holds people; --kind does not apply");
  const outDir = resolve(options.out ?? ".");
  const file = join(outDir, PEOPLE_FILE);
  if (existsSync(file)) throw new UsageError(`${file} exists; import --people does not overwrite it (give --out another folder)`);
  const manifests = load(paths, io);
  const { connect, done } = reading(io);
  const read = await readPeople(manifests, options.target, connect).finally(done);
  for (const s of read.skipped) io.err(`Skipping ${s.kind} on target "${s.target}": ${s.reason}. Name the objects in a manifest to read their members.\n`);
  const imported = importedPeople(read);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, peopleYaml(imported, read.targets, schemaLocation("org/Person.schema.json", outDir, schemaDir(options))));
  const checks = imported.people.reduce((n, p) => n + p.notes.length + p.suggested.length, 0) + imported.unmatched.length;
  io.out(`Wrote ${file} (${imported.people.length} ${imported.people.length === 1 ? "person" : "people"}; ${checks} ${checks === 1 ? "match" : "matches"} to check, marked "Check:").\n`);
  return 0;
}

import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { UsageError } from "../model/errors.js";

const MANIFEST_FILE = /\.ya?ml$/i;
/** Folders never walked for manifests. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist"]);

export interface ManifestFile {
  /** Absolute path, for reading. */
  path: string;
  /** Path relative to the working directory, for messages. */
  display: string;
}

/** Every manifest file under the given paths (files as given, folders walked), sorted, once each. */
export function manifestFiles(paths: string[], cwd = process.cwd()): ManifestFile[] {
  const out = new Set<string>();
  for (const p of paths.length ? paths : ["."]) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (stat.isDirectory()) for (const f of walk(abs)) out.add(f);
    else out.add(abs);
  }
  return [...out].sort().map((f) => ({ path: f, display: displayPath(f, cwd) }));
}

export function readManifestFile(file: string): string {
  return readFileSync(file, "utf8");
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      if (e.name.startsWith(".") || SKIPPED_DIRS.has(e.name)) return [];
      const full = join(dir, e.name);
      if (e.isDirectory()) return walk(full);
      return MANIFEST_FILE.test(e.name) ? [full] : [];
    });
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") ? file : rel;
}

import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { Diagnostic } from "../model/plan.js";
import { IGNORE_FILE, ignoredBy, readIgnoreFile, type IgnoreRule } from "./ignore.js";

const MANIFEST_FILE = /\.ya?ml$/i;
/** Folders never walked, and why: they hold other tools' files, never manifests. */
const SKIPPED_DIRS: ReadonlyMap<string, string> = new Map([
  [".git", "git's own store"],
  ["node_modules", "installed packages"],
]);

export interface ManifestFile {
  /** Absolute path, for reading. */
  path: string;
  /** Path relative to the working directory, for messages. */
  display: string;
}

/** Something under the given paths that was deliberately not read, and why. */
export interface SkippedEntry {
  display: string;
  reason: string;
  /** Left out as an ignore file asked: not worth a note on every run. */
  quiet?: boolean;
}

export interface Discovery {
  files: ManifestFile[];
  skipped: SkippedEntry[];
  /** Paths that could not be walked or read: each refuses the run. */
  problems: Diagnostic[];
}

/**
 * Every YAML file under the given paths (files as given, folders walked, symbolic links
 * followed), sorted, once each. Whatever is not read is listed in `skipped` with its reason
 * (quietly when a `.orgformignore` leaves it out; a path given by name is always read);
 * whatever cannot be read is a problem.
 */
export function discoverManifests(paths: string[], cwd = process.cwd()): Discovery {
  const walker = new Walker(cwd);
  for (const p of paths.length ? paths : ["."]) walker.visit(isAbsolute(p) ? p : join(cwd, p), true);
  const files = [...walker.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, display]) => ({ path, display }));
  return { files, skipped: walker.skipped, problems: walker.problems };
}

/** The raw bytes of a manifest (decoding and its checks happen in encoding.ts). */
export function readManifestFile(file: string): Buffer {
  return readFileSync(file);
}

class Walker {
  /** Real path → display path of every file to read. */
  readonly files = new Map<string, string>();
  readonly skipped: SkippedEntry[] = [];
  readonly problems: Diagnostic[] = [];
  private readonly seenDirs = new Set<string>();

  constructor(private readonly cwd: string) {}

  visit(abs: string, given: boolean, rules: readonly IgnoreRule[] = []): void {
    const display = displayPath(abs, this.cwd);
    const stat = this.statOf(abs, display);
    if (!stat) return;
    if (stat.isDirectory()) return this.walkDir(abs, display, rules);
    if (!stat.isFile()) return this.skip(display, "not a regular file");
    if (!given && !MANIFEST_FILE.test(abs)) return this.skip(display, "not a .yaml/.yml file");
    const real = realpathSync(abs);
    const earlier = this.files.get(real);
    if (earlier !== undefined) return this.skip(display, `the same file as ${earlier}, read once`);
    this.files.set(real, display);
  }

  private walkDir(abs: string, display: string, inherited: readonly IgnoreRule[]): void {
    const real = realpathSync(abs);
    if (this.seenDirs.has(real)) return this.skip(`${display}/`, "a folder already read (a symbolic link leads back to it)");
    this.seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch (err) {
      this.problems.push({ message: `${display}: the folder cannot be read (${codeOf(err)})` });
      return;
    }
    const own = names.includes(IGNORE_FILE) ? readIgnoreFile(abs, display) : { rules: [], problems: [] };
    this.problems.push(...own.problems);
    const rules = own.rules.length ? [...inherited, ...own.rules] : inherited;
    for (const name of names) {
      const why = SKIPPED_DIRS.get(name);
      const full = join(abs, name);
      const shown = displayPath(full, this.cwd);
      const folder = (why !== undefined || rules.length > 0) && isDirectory(full);
      const ignored = rules.length ? ignoredBy(rules, full, folder) : undefined;
      if (name === IGNORE_FILE) this.skip(shown, "orgform's ignore file", true);
      else if (ignored) this.skip(folder ? `${shown}/` : shown, `left out by ${ignored.where}`, true);
      else if (why && folder) this.skip(`${shown}/`, `${why}, never walked`);
      else this.visit(full, false, rules);
    }
  }

  private statOf(abs: string, display: string): Stats | undefined {
    try {
      return statSync(abs);
    } catch (err) {
      const code = codeOf(err);
      if (code === "ENOENT" && isSymlink(abs)) {
        this.problems.push({ message: `${display}: dangling symbolic link (it points to ${readlinkSync(abs)}, which does not exist)` });
      } else if (code === "ENOENT") {
        this.problems.push({ message: `${display}: no such file or directory` });
      } else if (code === "ELOOP") {
        this.problems.push({ message: `${display}: symbolic links that lead in a circle` });
      } else {
        this.problems.push({ message: `${display}: cannot be read (${code})` });
      }
      return undefined;
    }
  }

  private skip(display: string, reason: string, quiet = false): void {
    this.skipped.push(quiet ? { display, reason, quiet } : { display, reason });
  }
}

function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

export function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException | undefined)?.code ?? String(err);
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  if (rel === "") return ".";
  return rel.startsWith("..") ? file : rel;
}

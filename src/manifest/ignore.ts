import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../model/plan.js";

/** The file that lists what a folder walk leaves out, quietly (docs/manifests.md). */
export const IGNORE_FILE = ".orgformignore";

/** One pattern of an ignore file: what it matches, from which folder, and where it was written. */
export interface IgnoreRule {
  base: string;
  test: RegExp;
  /** A pattern ending in `/` matches folders only. */
  foldersOnly: boolean;
  /** `<display path of the ignore file>:<line>`, for the listing of what was left out. */
  where: string;
}

/**
 * The rules of the ignore file in `folder`, if it has one. One pattern per line, gitignore's
 * way: blank lines and `#` comments are skipped; `*` and `?` stay within a name, `**` spans
 * folders; a pattern with a `/` before its end is matched against the path from this folder,
 * one without against every name below it; a trailing `/` matches folders only. Negation (`!`)
 * is refused rather than read as a name.
 */
export function readIgnoreFile(folder: string, display: string): { rules: IgnoreRule[]; problems: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(join(folder, IGNORE_FILE), "utf8");
  } catch {
    return { rules: [], problems: [] };
  }
  const rules: IgnoreRule[] = [];
  const problems: Diagnostic[] = [];
  const file = display === "." ? IGNORE_FILE : `${display}/${IGNORE_FILE}`;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!line || line.startsWith("#")) return;
    if (line.startsWith("!")) {
      problems.push({ source: { file, line: i + 1, column: 1 }, message: "negation (!) is not supported in .orgformignore; name only what to leave out" });
      return;
    }
    const foldersOnly = line.endsWith("/");
    const pattern = foldersOnly ? line.slice(0, -1) : line;
    const anchored = pattern.includes("/");
    const body = globToSource(pattern.replace(/^\//, ""));
    rules.push({ base: folder, test: new RegExp(anchored ? `^${body}$` : `(^|/)${body}$`), foldersOnly, where: `${file}:${i + 1}` });
  });
  return { rules, problems };
}

/** The rule that leaves `path` out, if any. */
export function ignoredBy(rules: readonly IgnoreRule[], path: string, isFolder: boolean): IgnoreRule | undefined {
  return rules.find((r) => (isFolder || !r.foldersOnly) && r.test.test(relative(r.base, path).split(sep).join("/")));
}

/** A glob as a regular expression body: `**` any folders, `*` and `?` within a name, all else literal. */
function globToSource(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return out;
}

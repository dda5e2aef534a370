import { allKinds } from "../drivers/registry.js";
import type { Diagnostic } from "../model/plan.js";
import { decodeManifest } from "./encoding.js";
import { codeOf, discoverManifests, readManifestFile, type SkippedEntry } from "./files.js";
import { isPlainText, valueProblems } from "./values.js";
import { parseThreads, readSpread, type OffThread } from "./parse-spread.js";
import { parseYamlFile, type ParsedDocument } from "./yaml.js";

export interface ReadManifests {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  /** Files that hold orgform documents (or problems). */
  files: string[];
  /** What was under the paths and not read, with the reason. */
  skipped: SkippedEntry[];
}

/**
 * Find, decode and parse the manifests under the given paths. A file that is YAML but not an
 * orgform manifest is skipped (and listed); a path that yields no manifest is a problem.
 */
export function readManifests(paths: string[], cwd = process.cwd(), options: { parseThreads?: number } = {}): ReadManifests {
  const out: ReadManifests = { documents: [], diagnostics: [], files: [], skipped: [] };
  // Every file once, in the order the paths give them; a path that repeats a file still yields.
  const done = new Set<string>();
  const walks = (paths.length ? paths : ["."]).map((given) => {
    const found = discoverManifests([given], cwd);
    const fresh = found.files.filter((f) => !done.has(f.path));
    for (const f of fresh) done.add(f.path);
    return { given, found, fresh, repeats: fresh.length < found.files.length };
  });
  const files = walks.flatMap((w) => w.fresh);
  const read = readSpread(files, parseThreads(files, options.parseThreads), (f, parsed) => readOne(f.path, f.display, parsed));
  const readOf = new Map(files.map((f, i) => [f.path, read[i] as FileRead]));
  for (const { given, found, fresh, repeats } of walks) {
    const skippedBefore = out.skipped.length;
    out.diagnostics.push(...found.problems);
    out.skipped.push(...found.skipped);
    let yielded = found.problems.length > 0 || repeats;
    for (const f of fresh) {
      const one = readOf.get(f.path) as FileRead;
      if (one.skipped) out.skipped.push({ display: f.display, reason: one.skipped });
      else {
        yielded = true;
        out.files.push(f.display);
        out.documents.push(...one.documents);
        out.diagnostics.push(...one.diagnostics);
      }
    }
    if (!yielded) out.diagnostics.push({ message: `${given}: no orgform manifest here${summarize(out.skipped.slice(skippedBefore))}` });
  }
  return out;
}

interface FileRead {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
  skipped?: string;
}

/** One file read, decoded and parsed (or, when a parse thread did the first two, parsed from its values). */
function readOne(path: string, display: string, offThread?: OffThread): FileRead {
  if (offThread) return checked(display, offThread.text, offThread.values);
  let bytes: Buffer;
  try {
    bytes = readManifestFile(path);
  } catch (err) {
    return { documents: [], diagnostics: [{ message: `${display}: cannot be read (${codeOf(err)})` }] };
  }
  const decoded = decodeManifest(display, bytes);
  if (!decoded.ok) return { documents: [], diagnostics: [decoded.problem] };
  return checked(display, decoded.text);
}

function checked(display: string, text: string, values?: unknown[]): FileRead {
  const parsed = parseYamlFile(display, text, values);
  if (!parsed.diagnostics.length) {
    if (!parsed.documents.length) return { ...parsed, skipped: "empty: no YAML document in it" };
    if (!parsed.documents.some((d) => looksLikeOrgform(d.value))) return { ...parsed, skipped: "not an orgform manifest (no apiVersion: orgform/v1 and no orgform kind)" };
  }
  const diagnostics = [...parsed.diagnostics];
  const plain = isPlainText(text);
  for (const d of parsed.documents) diagnostics.push(...valueProblems(d, plain));
  return { documents: parsed.documents, diagnostics };
}

let kindNames: Set<string> | undefined;

/** Whether a document was meant for orgform, even if it is wrong: then it is validated, not skipped. */
function looksLikeOrgform(value: unknown): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (typeof v["apiVersion"] === "string" && /^orgform\//i.test(v["apiVersion"])) return true;
  const kind = v["kind"];
  kindNames ??= new Set(allKinds().map((k) => k.kind.toLowerCase()));
  if (typeof kind === "string" && (kind.toLowerCase() === "target" || kindNames.has(kind.toLowerCase()) || /^[a-z0-9]+\.[A-Za-z]+$/i.test(kind))) return true;
  return "target" in v && "items" in v;
}

function summarize(skipped: SkippedEntry[]): string {
  if (!skipped.length) return " (nothing under it)";
  const shown = skipped.slice(0, 3).map((s) => `${s.display}: ${s.reason}`).join("; ");
  return ` (not read: ${shown}${skipped.length > 3 ? `; and ${skipped.length - 3} more` : ""})`;
}

/** One note line per reason: what was not read. */
export function skippedNotes(skipped: SkippedEntry[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.display]);
  return [...byReason].map(([reason, names]) => {
    const shown = names.slice(0, 8).join(", ");
    const more = names.length > 8 ? ` and ${names.length - 8} more` : "";
    return `note: not read (${reason}): ${shown}${more}`;
  });
}

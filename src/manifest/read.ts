import { allKinds } from "../drivers/registry.js";
import type { Diagnostic } from "../model/plan.js";
import { decodeManifest } from "./encoding.js";
import { codeOf, discoverManifests, readManifestFile, type ManifestFile, type SkippedEntry } from "./files.js";
import { valueProblems } from "./values.js";
import { parseThreads, readSpread, type OffThread } from "./parse-spread.js";
import { blockValues } from "./yaml-block.js";
import { fastValues, parseYamlFile, type FastParse, type ParsedDocument } from "./yaml.js";

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
  const read = readAll(files, options.parseThreads);
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

/**
 * Every file read and decoded here, and parsed by the block-style parser, which reads nearly
 * every manifest. The files it leaves to js-yaml are shared out between this thread and parse
 * threads when there are enough of them (see parse-spread.ts): there a second core pays.
 */
function readAll(files: ManifestFile[], threads: number | undefined): FileRead[] {
  const out = new Array<FileRead>(files.length);
  const left = new Map<string, Text>(); // path → text, for the files the block parser left
  files.forEach((f, i) => {
    const text = readText(f);
    if (!("plain" in text)) {
      out[i] = text;
      return;
    }
    const block = blockValues(text.text, text.plain);
    if (block) out[i] = checked(f.display, text, block);
    else left.set(f.path, text);
  });
  const slow = files.flatMap((f, i) => (left.has(f.path) ? [i] : []));
  const slowFiles = slow.map((i) => files[i] as ManifestFile);
  const read = readSpread(slowFiles, parseThreads(slowFiles, threads), (f, offThread?: OffThread) => {
    if (offThread) return checked(f.display, offThread, offThread.parsed);
    const text = left.get(f.path) as Text;
    return checked(f.display, text, fastValues(text.text, false) ?? null);
  });
  slow.forEach((at, i) => (out[at] = read[i] as FileRead));
  return out;
}

/** A file's text (see `Decoded` for `plain`). */
type Text = { text: string; plain: boolean };

/** A file's text, or what kept it from being read. */
function readText(f: ManifestFile): Text | FileRead {
  let bytes: Buffer;
  try {
    bytes = readManifestFile(f.path);
  } catch (err) {
    return { documents: [], diagnostics: [{ message: `${f.display}: cannot be read (${codeOf(err)})` }] };
  }
  const decoded = decodeManifest(f.display, bytes);
  return decoded.ok ? decoded : { documents: [], diagnostics: [decoded.problem] };
}

/** `fast`: what a fast parser read, or null when the fast parsers refused the text. */
function checked(display: string, { text, plain }: Text, fast: FastParse | null): FileRead {
  const parsed = parseYamlFile(display, text, fast);
  if (!parsed.diagnostics.length) {
    if (!parsed.documents.length) return { ...parsed, skipped: "empty: no YAML document in it" };
    if (!parsed.documents.some((d) => looksLikeOrgform(d.value))) return { ...parsed, skipped: "not an orgform manifest (no apiVersion: orgform/v1 and no orgform kind)" };
  }
  const diagnostics = [...parsed.diagnostics];
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

/** One note line per reason: what was not read (but for what an ignore file left out). */
export function skippedNotes(skipped: SkippedEntry[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const s of skipped) if (!s.quiet) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.display]);
  return [...byReason].map(([reason, names]) => {
    const shown = names.slice(0, 8).join(", ");
    const more = names.length > 8 ? ` and ${names.length - 8} more` : "";
    return `note: not read (${reason}): ${shown}${more}`;
  });
}

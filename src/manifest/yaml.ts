import jsyaml from "js-yaml";
import { isMap, isNode, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node } from "yaml";
import type { Diagnostic } from "../model/plan.js";
import { nestingProblem } from "./guard.js";
import type { SourcePosition } from "../model/resource.js";
import { YAML_CORE_SCHEMA } from "./yaml-core.js";
import { blockValues } from "./yaml-block.js";

export type PathSegment = string | number;

/** One YAML document with its plain value and a way back from a path to its position. */
export interface ParsedDocument {
  file: string;
  /** Position of the document start (used when nothing more precise is known). */
  start: SourcePosition;
  value: unknown;
  /** Known to hold no mapping key outside ASCII (a fast parser saw every key). */
  asciiKeys?: boolean;
  /** Position of the value at `path`, or of its key when `key` is true; falls back to the nearest parent. */
  positionOf(path: PathSegment[], key?: boolean): SourcePosition;
}

/** Aliases a document may expand before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Anchors, aliases and merge keys: files that use them take the careful path (alias bombs). */
const ANCHOR_OR_ALIAS = /(^|[\s[{,:])[&*][^\s\]},]|<</m;

export interface ParsedFile {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/** The documents of a file as a fast parser read them. */
export interface FastParse {
  values: unknown[];
  /** No mapping key holds a character outside ASCII: no two keys can look alike. */
  asciiKeys: boolean;
}

/**
 * Parse every document of a YAML file. A fast parser reads well-formed files; positions are
 * worked out (by the position-keeping parser) only when something asks for one, which is
 * when there is a problem to report. Files the fast parsers refuse, and files with anchors or
 * aliases, go straight to the position-keeping parser, which words the syntax errors. `parsed`
 * is what a fast parser read already, or null when they refused the text.
 */
export function parseYamlFile(file: string, text: string, parsed?: FastParse | null): ParsedFile {
  const directive = directiveProblem(file, text);
  if (directive) return { documents: [], diagnostics: [directive] };
  // null: the fast parsers were asked already and refused.
  const fast = parsed === undefined ? fastValues(text) : parsed;
  if (fast) return { documents: lazilyLocated(file, text, fast), diagnostics: [] };
  // The fast parser stops at 100 levels by itself; the position-keeping one needs a guard.
  const tooDeep = nestingProblem(file, text);
  if (tooDeep) return { documents: [], diagnostics: [tooDeep] };
  return parsePrecise(file, text);
}

/**
 * The documents of a file as the fast parsers read them, or undefined when the file must take
 * the position-keeping parse: anchors or aliases, a syntax error, or an empty document. The
 * block-style parser reads most files (unless `block` is false: it has already given up on
 * this text); what it leaves goes to js-yaml. Pure: it may run on another thread (see
 * parse-worker.ts).
 */
export function fastValues(text: string, block = true): FastParse | undefined {
  const read = block ? blockValues(text) : undefined;
  if (read) return read;
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  let values: unknown[];
  try {
    values = jsyaml.loadAll(text, undefined, { schema: YAML_CORE_SCHEMA });
  } catch {
    return undefined;
  }
  // An empty or null document is where the two parsers could count documents differently.
  if (values.some((v) => v === null || v === undefined)) return undefined;
  return { values, asciiKeys: false };
}

/** Documents over values the fast parser read; positions come from a position-keeping parse on first ask. */
function lazilyLocated(file: string, text: string, { values, asciiKeys }: FastParse): ParsedDocument[] {
  let precise: ParsedFile | undefined;
  const located = (i: number): ParsedDocument | undefined => (precise ??= parsePrecise(file, text)).documents[i];
  const fallback = { file, line: 1, column: 1 };
  return values.map(
    (value, i): ParsedDocument => ({
      file,
      value,
      asciiKeys,
      get start() {
        return located(i)?.start ?? fallback;
      },
      positionOf: (path, key) => located(i)?.positionOf(path, key) ?? fallback,
    }),
  );
}

let positionParses = 0;

/** How many files needed the position-keeping parse so far (valid manifests should need none). */
export function positionParseCount(): number {
  return positionParses;
}

/** The position-keeping parse (the `yaml` package): exact positions, slower. */
function parsePrecise(file: string, text: string): ParsedFile {
  positionParses++;
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  const at = (offset: number): SourcePosition => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  for (const doc of list) {
    const problems = [...doc.errors];
    if (problems.length) {
      for (const e of problems) diagnostics.push({ source: at(e.pos[0]), message: `YAML: ${firstLine(e.message)}` });
      continue;
    }
    if (doc.contents === null) continue; // an empty document between separators
    const tagged = foreignTag(doc);
    if (tagged) {
      diagnostics.push({ source: at(tagged.offset), message: `YAML: the tag ${tagged.tag} is not supported; manifests hold only strings, numbers, booleans, null, lists and mappings` });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      diagnostics.push({ source: at(doc.range[0]), message: `YAML: ${aliasMessage(err)}` });
      continue;
    }
    if (value === null || value === undefined) continue; // a document with nothing in it, e.g. after a trailing ---
    documents.push({
      file,
      start: at(doc.contents?.range?.[0] ?? doc.range[0]),
      value,
      positionOf: (path, key = false) => at(offsetOf(doc, path, key)),
    });
  }
  return { documents, diagnostics };
}

/** The YAML 1.2 core tags; any other tag (`!!binary`, `!!set`, `!local`) is refused. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

function foreignTag(doc: Document): { tag: string; offset: number } | undefined {
  let found: { tag: string; offset: number } | undefined;
  visit(doc, {
    Node(_, node) {
      if (!isNode(node) || !node.tag || CORE_TAGS.has(node.tag)) return undefined;
      found = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, "!!"), offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

/** `%YAML 1.1` would switch the position-keeping parser to other rules (yes/no booleans, 0b ints). */
function directiveProblem(file: string, text: string): Diagnostic | undefined {
  const m = /^%(YAML|TAG)\b[^\n]*/m.exec(text);
  if (!m || /^%YAML[ \t]+1\.2\b/.test(m[0])) return undefined;
  const line = text.slice(0, m.index).split("\n").length;
  const what = m[1] === "TAG" ? "%TAG directives (custom tags) are not supported" : "only YAML 1.2 is read; remove the %YAML directive";
  return { source: { file, line, column: 1 }, message: `YAML: ${what}` };
}

function offsetOf(doc: Document, path: PathSegment[], key: boolean): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? doc.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (!pair) return offset;
      const keyNode = pair.key as Node | null;
      if (last && key && keyNode?.range) return keyNode.range[0];
      node = pair.value as Node | null;
      offset = node?.range?.[0] ?? keyNode?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function keyText(key: unknown): string {
  if (key && typeof key === "object" && "value" in key) return String((key as { value: unknown }).value);
  return String(key);
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function aliasMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return /alias/i.test(text) ? `too many aliases (more than ${MAX_ALIAS_COUNT} expansions): refusing a possible alias bomb` : firstLine(text);
}

import { isDeepStrictEqual } from "node:util";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/emulator/faults.js";
import { blockValues } from "../../src/manifest/yaml-block.js";
import { YAML_CORE_SCHEMA } from "../../src/manifest/yaml-core.js";

/** What js-yaml reads from a text with the core schema, or "refused". */
function jsYaml(text: string): unknown {
  try {
    return jsyaml.loadAll(text, undefined, { schema: YAML_CORE_SCHEMA });
  } catch {
    return "refused";
  }
}

/** Every mapping key in a value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

/** The block parser either gives up or reads exactly what js-yaml reads. */
function agrees(text: string): { read: boolean; same: boolean } {
  const block = blockValues(text);
  if (block === undefined) return { read: false, same: true };
  const asciiKeys = keysOf(block.values).every((k) => [...k].every((c) => c.charCodeAt(0) < 128));
  return { read: true, same: isDeepStrictEqual(block.values, jsYaml(text)) && block.asciiKeys === asciiKeys };
}

// Everyday scalars and keys, and ones on the edges of plain-scalar resolution and of the block style.
const SCALARS = ["a", "员工000001", "P000001", "x y", "u123", "部门", "13800000001", "Employee", "a-b", "p@example.com"];
const EDGE_SCALARS = [
  "true", "True", "TRUE", "false", "yes", "no", "on", "null", "Null", "~", "",
  "0", "7", "-7", "+7", "007", "0o17", "0x1F", "0b101", "+0x1F", "1.5", "-.5e+3", ".5", "1e3", "1_000", ".inf", "-.Inf", ".nan",
  "2026-11-29", "12:30", "a:b", "a: b", "a:", "a #b", "a#b", "#a", "- a", "-a", "-", "--", "---", "...", "?a", ":a", "'q'",
  "\"d\"", "it's", "[a]", "{a: b}", "a, b", "&a", "*a", "!x", "|", ">", "%x", "@x", "`x", "<<", "__proto__", "a\\nb",
  "${VAR}", "http://x:8080/p", "a ", " a", "𠮷", "\u00a0",
];
const KEYS = ["a", "b", "name", "员工", "members", "code"];
const EDGE_KEYS = ["1", "0x10", "1.0", "true", "null", "~", "a b", "a:b", "-k", "k ", "<<", "__proto__", "'k'", "\"k\"", "?k", "a#b", "-"];

type Tree = string | Tree[] | { [k: string]: Tree };

function tree(rnd: () => number, depth: number): Tree {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const r = rnd();
  if (depth > 0 && (depth > 3 || r < 0.4)) return rnd() < 0.85 ? pick(SCALARS) : pick(EDGE_SCALARS);
  const n = Math.floor(rnd() * 4) + (depth ? 0 : 1);
  if (r < 0.7) return Array.from({ length: n }, () => tree(rnd, depth + 1));
  const map: Record<string, Tree> = {};
  for (let i = 0; i < n; i++) map[rnd() < 0.9 ? pick(KEYS) : pick(EDGE_KEYS)] = tree(rnd, depth + 1);
  return map;
}

/** A scalar written plain, quoted or escaped, whichever the dice say (right or wrong: js-yaml judges). */
function scalar(rnd: () => number, s: string): string {
  const r = rnd();
  if (r < 0.7) return s;
  if (r < 0.8) return `'${s.replace(/'/g, "''")}'`;
  if (r < 0.9) return JSON.stringify(s);
  return `"${s.replace(/[a-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}"`;
}

function flow(rnd: () => number, t: Tree): string {
  if (typeof t === "string") return scalar(rnd, t);
  if (Array.isArray(t)) return `[${t.map((v) => flow(rnd, v)).join(rnd() < 0.8 ? ", " : ",")}]`;
  return `{ ${Object.entries(t).map(([k, v]) => `${k}: ${flow(rnd, v)}`).join(", ")} }`;
}

/** Lines of a block node at `indent`; `lead` is what opens its first line ("- " or "key:"). */
function block(rnd: () => number, t: Tree, indent: number): string[] {
  const pad = " ".repeat(indent);
  const step = 1 + Math.floor(rnd() * 3);
  if (typeof t === "string" || rnd() < 0.1) return [`${pad}${typeof t === "string" ? scalar(rnd, t) : flow(rnd, t)}${rnd() < 0.1 ? " # note" : ""}`];
  const lines: string[] = [];
  if (Array.isArray(t)) {
    if (!t.length) return [`${pad}[]`];
    for (const v of t) {
      const inner = block(rnd, v, indent + step);
      const first = (inner[0] as string).slice(indent + step);
      if (typeof v !== "string" && rnd() < 0.5 && first.length) lines.push(`${pad}-${" ".repeat(step)}${first}`, ...inner.slice(1));
      else if (typeof v === "string") lines.push(`${pad}- ${scalar(rnd, v)}`);
      else lines.push(`${pad}-`, ...inner);
    }
    return lines;
  }
  const entries = Object.entries(t);
  if (!entries.length) return [`${pad}{}`];
  for (const [k, v] of entries) {
    if (typeof v === "string") lines.push(`${pad}${k}: ${scalar(rnd, v)}${rnd() < 0.1 ? "   # c" : ""}`);
    else if (Array.isArray(v) && v.length && rnd() < 0.3) lines.push(`${pad}${k}:`, ...block(rnd, v, indent));
    else lines.push(`${pad}${k}:`, ...block(rnd, v, indent + step));
    if (rnd() < 0.05) lines.push(rnd() < 0.5 ? "" : `${pad}  # between`);
  }
  return lines;
}

const NOISE = [":", " ", "-", "#", "\n", "'", '"', "[", "]", "{", "}", ",", "|", ">", "&", "*", "!", "%", "?", "\t", "\r", "---\n", "\\", "  "];

function mutate(rnd: () => number, text: string): string {
  let out = text;
  const times = Math.floor(rnd() * 3);
  for (let i = 0; i < times; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const r = rnd();
    if (r < 0.4) out = out.slice(0, at) + (NOISE[Math.floor(rnd() * NOISE.length)] as string) + out.slice(at);
    else if (r < 0.7) out = out.slice(0, at) + out.slice(at + 1);
    else {
      const lines = out.split("\n");
      const n = Math.floor(rnd() * lines.length);
      lines.splice(n, 0, lines[n] ?? "");
      out = lines.join("\n");
    }
  }
  return out;
}

function documents(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 3);
  const docs = Array.from({ length: n }, () => block(rnd, tree(rnd, 0), rnd() < 0.9 ? 0 : 2).join("\n"));
  const lead = rnd() < 0.3 ? (rnd() < 0.5 ? "---\n" : "# head\n---\n") : "";
  const text = lead + docs.join(rnd() < 0.8 ? "\n---\n" : "\n--- # next\n") + (rnd() < 0.8 ? "\n" : "");
  return rnd() < 0.15 ? text.replace(/\n/g, "\r\n") : text;
}

describe("the block-style YAML parser", () => {
  it("reads exactly what js-yaml reads, or gives up, on generated and mangled documents", () => {
    const rnd = seededRandom(20261129);
    let read = 0;
    let readMangled = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const text = documents(rnd);
      const clean = agrees(text);
      if (clean.read) read++;
      if (!clean.same) wrong.push(text);
      const mangled = mutate(rnd, text);
      const m = agrees(mangled);
      if (m.read && mangled !== text) readMangled++;
      if (!m.same) wrong.push(mangled);
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    // It must actually read most of what it is given, mangled text included, or it proves nothing.
    expect(read).toBeGreaterThan(5000);
    expect(readMangled).toBeGreaterThan(1500);
  });

  it("reads manifests in the everyday style", () => {
    const text = [
      "# the site",
      "apiVersion: orgform/v1",
      "kind: isdp.Person",
      "target: site   # where",
      "items:",
      "- personCode: P1",
      "  personName: 员工 一",
      "  phone: \"13800000001\"",
      "  tags: [a, 'b c', \"d\\u0065\"]",
      "  extra: { level: 3, ok: true, none: ~ }",
      "",
      "  members:",
      "    - u1",
      "    - u2",
      "-",
      "  personCode: P2",
      "---",
      "kind: Target",
      "policy:",
      "  x: { maxDeleteCount: 10 }",
    ].join("\n");
    expect(blockValues(text)?.values).toEqual(jsYaml(text));
    expect(blockValues(text)).toEqual({ asciiKeys: true, values: [
      {
        apiVersion: "orgform/v1",
        kind: "isdp.Person",
        target: "site",
        items: [
          { personCode: "P1", personName: "员工 一", phone: "13800000001", tags: ["a", "b c", "de"], extra: { level: 3, ok: true, none: null }, members: ["u1", "u2"] },
          { personCode: "P2" },
        ],
      },
      { kind: "Target", policy: { x: { maxDeleteCount: 10 } } },
    ] });
    expect(blockValues("a:\n  部门: 1\n")?.asciiKeys).toBe(false);
    expect(blockValues("a: { 部门: 1 }\n")?.asciiKeys).toBe(false);
  });

  it.each([
    ["a comment where a value could be", "a: # note\n  b: 1\nc: 2\n"],
    ["a comment after a dash", "- # note\n  a: 1\n-   b: 2\n"],
    ["spaces and a comment after a value", "key:    value   # trailing\nother:   'x'   # c\n"],
    ["empty flow collections", "list: []\nmap: {}\nnested: [[], {}]\n"],
    ["indicators inside quotes", "q: \"a, b [c] {d} # e: f\"\ns: 'it''s: [x]'\n"],
    ["quoted entries of a flow list", "f: [ \"a, b\", 'c]', d , 'e''f' ]\n"],
    ["escapes", "u: \"\\u00e9\\u4e2d \\\"q\\\" \\\\ \\/ \\n\"\n"],
    ["numbers, booleans and nulls", "n: -1\nx: 0x1F\no: 0o17\ny: 1e3\nz: .inf\nw: -.5\nt: True\nf: FALSE\nnul: ~\ne:\ns: 0b101\nk: 1_000\nv: yes\n"],
    ["a hash and colons inside plain scalars", "url: http://a.b/c?d=e#f\ntime: 12:30:45\nmail: a#b@c\n"],
    ["documents with comments on their markers", "--- # first\na: 1\n---   \nb: 2\n"],
    ["a list at its key's indentation inside a list", "- a:\n  - x\n  - y\n  b: 1\n- c: [1, 2]\n"],
    ["keys that resolve to other scalars", "1: one\ntrue: yes\nnull: none\n0x10: hex\n"],
    ["CRLF line ends", "a: 1\r\nb:\r\n  - x # c\r\n  - 'y'\r\n\r\n---\r\nc: {d: e}\r\n"],
  ])("reads %s as js-yaml does", (_, text) => {
    const read = blockValues(text);
    expect(read).toBeDefined();
    expect(read?.values).toEqual(jsYaml(text));
  });

  it.each([
    ["a block scalar", "a: |\n  text\n"],
    ["a plain scalar over two lines", "a: one\n  two\n"],
    ["a quoted scalar over two lines", "a: 'one\n  two'\n"],
    ["a flow collection over two lines", "a: [x,\n  y]\n"],
    ["an anchor and an alias", "a: &x 1\nb: *x\n"],
    ["a merge key", "a: { b: 1 }\n<<: { c: 2 }\n"],
    ["a tag", "a: !!str 1\n"],
    ["a tab", "a:\tb\n"],
    ["a carriage return alone", "a: b\rc: d\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["an empty document", "a: 1\n---\n---\nb: 2\n"],
    ["a document end marker", "a: 1\n...\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
    ["a quoted key", "\"a\": 1\n"],
    ["a scalar document over two lines", "just\ntext\n"],
    ["an empty text", "# only a comment\n"],
  ])("leaves %s to js-yaml", (_, text) => {
    expect(blockValues(text)).toBeUndefined();
  });
});

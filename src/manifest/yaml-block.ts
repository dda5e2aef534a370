import { MAX_FLOW_DEPTH, MAX_INDENT } from "./guard.js";
import { plainScalar } from "./yaml-core.js";
import type { FastParse } from "./yaml.js";

/**
 * A parser for the plain block style manifests are nearly always written in: mappings and
 * sequences by indentation, one scalar per line (plain, 'single' or "double" quoted), one-line
 * [flow] and {flow} collections, comments, blank lines and `---` between documents, with
 * line feeds or carriage return and line feed at the ends of lines. It gives
 * exactly the values js-yaml gives with the core schema (test/manifest/yaml-block.test.ts
 * compares the two on generated documents) and gives up, returning undefined, at the first
 * thing outside that style: block scalars (| and >), keys or scalars over several lines,
 * anchors, tags, quoted keys, tabs, duplicate keys, empty documents, and
 * nesting deeper than the guard allows (guard.ts words that refusal). The caller then asks
 * js-yaml, so this parser decides only how fast a file is read, never what it means.
 */
export function blockValues(text: string, plain = false): FastParse | undefined {
  // A plain text (see encoding.ts) holds none of the characters OUTSIDE looks for.
  if (!plain && OUTSIDE.test(text)) return undefined;
  try {
    const parser = new BlockParser(text);
    const values = parser.documents();
    return { values, asciiKeys: !parser.nonAsciiKey };
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

/**
 * Characters this parser leaves to js-yaml: tab, a carriage return not before a line feed,
 * BOM, non-characters, controls, surrogates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const OUTSIDE = /[\t\uFEFF\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]|\r(?!\n)/;

const GIVE_UP = Symbol("outside the block style");

function giveUp(): never {
  throw GIVE_UP;
}

const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_SEQ = 91;
const CLOSE_SEQ = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;
const DOT = 46;

/** Characters a plain scalar may not start with here (YAML indicators; `-` is checked apart). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of "?:,[]{}#&*!|>'\"%@`") NOT_PLAIN_START[c.charCodeAt(0)] = 1;
/** Characters that end a plain scalar inside a flow collection, or that this parser will not read there. */
const FLOW_STOP = new Uint8Array(128);
for (const c of ",[]{}:#'\"") FLOW_STOP[c.charCodeAt(0)] = 1;

/** Places in the cache of keys read lately (a power of two). */
const KEY_SLOTS = 256;

/** Implicit keys are at most 1024 characters in YAML; longer ones are left to js-yaml to refuse. */
const MAX_KEY_LENGTH = 1024;

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0", " ": " " };

class BlockParser {
  /** The current content line: where it starts, its indentation, where its content starts and ends. */
  private lineStart = 0;
  private indent = 0;
  private content = 0;
  /** Where the current line's content ends: its line feed, or the carriage return before it. */
  private eol = 0;
  /** Where the current line's line feed is (the next line starts after it). */
  private lineFeed = 0;
  /** No content line is left in this document (a `---` or the end of the text came first). */
  private ended = false;
  /** The document ended at a `---` (another one follows). */
  private marker = false;
  /** Some mapping key holds a character outside ASCII. */
  nonAsciiKey = false;
  /** Keys read lately (see keyAt). */
  private readonly keys = new Array<string | undefined>(KEY_SLOTS);

  constructor(private readonly t: string) {}

  documents(): unknown[] {
    const out: unknown[] = [];
    this.lineFeed = -1;
    this.next();
    // A `---` before any content opens the first document; one after content starts the next.
    if (this.ended && this.marker) {
      this.ended = false;
      this.next();
    }
    for (;;) {
      if (this.ended) giveUp(); // an empty document: js-yaml's count of them is its own
      out.push(this.node());
      if (!this.ended) giveUp(); // something left over at a lesser indentation
      if (!this.marker) return out;
      this.ended = false;
      this.next();
    }
  }

  /** Move to the next line with content, skipping blank and comment lines; stop at `---` or the end. */
  private next(): void {
    const t = this.t;
    let at = this.lineFeed + 1;
    for (;;) {
      if (at >= t.length) {
        this.ended = true;
        this.marker = false;
        this.eol = this.lineFeed = t.length;
        return;
      }
      let lineFeed = t.indexOf("\n", at);
      if (lineFeed < 0) lineFeed = t.length;
      const eol = t.charCodeAt(lineFeed - 1) === CR && lineFeed > at ? lineFeed - 1 : lineFeed;
      let c = at;
      while (c < eol && t.charCodeAt(c) === SPACE) c++;
      if (c === eol || t.charCodeAt(c) === HASH) {
        at = lineFeed + 1;
        continue;
      }
      this.eol = eol;
      this.lineFeed = lineFeed;
      if (c === at && this.isMarkerLine(at, eol)) {
        this.ended = true;
        this.marker = true;
        return;
      }
      this.lineStart = at;
      this.indent = c - at;
      this.content = c;
      return;
    }
  }

  /**
   * `---` alone (or before a comment) separates documents. `...`, `%`, `---` with content, and
   * a line merely starting with `---` (js-yaml reads `---x` as a marker too) are left to js-yaml.
   */
  private isMarkerLine(at: number, eol: number): boolean {
    const t = this.t;
    const c = t.charCodeAt(at);
    if (c === 37) giveUp(); // %: a directive
    if (c !== DASH && c !== DOT) return false;
    if (!t.startsWith(c === DASH ? "---" : "...", at)) return false;
    if (c === DOT || !this.blankFrom(at + 3, eol)) giveUp();
    return true;
  }

  /** The node whose first line is the current one. */
  private node(): unknown {
    const at = this.content;
    if (this.isEntry(at)) return this.sequence(this.indent, at);
    // A scalar or flow collection alone on its line; a deeper line after it is left to the caller.
    return this.keyColon(at) < 0 ? this.lastOnLine(at) : this.mapping(this.indent, at);
  }

  private isEntry(at: number): boolean {
    if (this.t.charCodeAt(at) !== DASH) return false;
    const after = at + 1;
    return after === this.eol || this.t.charCodeAt(after) === SPACE;
  }

  /** A block sequence whose entries start with `-` at `column`; its first `-` is at `dash` on the current line. */
  private sequence(column: number, dash: number): unknown[] {
    if (column > MAX_INDENT) giveUp();
    const list: unknown[] = [];
    for (;;) {
      let at = dash + 1;
      while (at < this.eol && this.t.charCodeAt(at) === SPACE) at++;
      if (at === this.eol || this.t.charCodeAt(at) === HASH) {
        this.next();
        // An empty entry: js-yaml sometimes joins what follows to it; left to js-yaml.
        if (this.ended || this.indent <= column) giveUp();
        list.push(this.node());
      } else if (this.isEntry(at)) {
        giveUp(); // `- -`: js-yaml refuses some of these that other readers take
      } else {
        const key = this.keyColon(at);
        if (key >= 0) list.push(this.mapping(at - this.lineStart, at));
        else list.push(this.lastOnLine(at));
      }
      if (this.ended || this.indent < column) return list;
      if (this.indent > column) giveUp();
      if (!this.isEntry(this.content)) return list; // a key of the mapping this sequence is a value of
      dash = this.content;
    }
  }

  /** A block mapping whose keys start at `column`; its first key starts at `at` on the current line. */
  private mapping(column: number, at: number): Record<string, unknown> {
    if (column > MAX_INDENT) giveUp();
    const t = this.t;
    const map: Record<string, unknown> = {};
    for (;;) {
      const colon = this.keyColon(at);
      if (colon < 0) giveUp(); // a scalar alone on a line, or one over several lines
      const first = t.charCodeAt(at);
      if (first < 128 && NOT_PLAIN_START[first]) giveUp(); // quoted, complex or empty keys
      let end = colon;
      while (t.charCodeAt(end - 1) === SPACE) end--;
      const key = this.keyAt(at, end);
      this.refuseKey(map, key);
      let v = colon + 1;
      while (v < this.eol && t.charCodeAt(v) === SPACE) v++;
      if (v === this.eol || t.charCodeAt(v) === HASH) {
        this.next();
        if (this.ended || this.indent < column) map[key] = null;
        else if (this.indent > column) map[key] = this.node();
        else map[key] = this.isEntry(this.content) ? this.sequence(column, this.content) : null;
      } else {
        map[key] = this.lastOnLine(v);
      }
      if (this.ended || this.indent < column) return map;
      if (this.indent > column || this.isEntry(this.content)) giveUp();
      at = this.content;
    }
  }

  /**
   * Where the `:` of a `key:` starting at `at` is on the current line (followed by a space or
   * the line's end), or -1 when the line holds no key before its end or a comment.
   */
  private keyColon(at: number): number {
    const t = this.t;
    const c = t.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE || c === OPEN_SEQ || c === OPEN_MAP) return -1;
    for (let i = at; i < this.eol; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON) {
        const after = i + 1;
        if (after === this.eol || t.charCodeAt(after) === SPACE) return i;
      } else if (ch === HASH && t.charCodeAt(i - 1) === SPACE) {
        return -1;
      }
    }
    return -1;
  }

  /** The scalar or flow collection from `at` to the end of the current line; moves to the next line. */
  private lastOnLine(at: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(at);
    let value: unknown;
    let end: number;
    if (c === DQUOTE || c === SQUOTE || c === OPEN_SEQ || c === OPEN_MAP) {
      [value, end] = this.flowValue(at);
      if (end < this.eol && t.charCodeAt(end) !== SPACE) giveUp();
      if (!this.blankFrom(end, this.eol)) giveUp();
    } else {
      if ((c < 128 && NOT_PLAIN_START[c]) || this.isEntry(at)) giveUp();
      end = this.eol;
      for (let i = at; i < this.eol; i++) {
        const ch = t.charCodeAt(i);
        if (ch === HASH && t.charCodeAt(i - 1) === SPACE) {
          end = i;
          break;
        }
        if (ch === COLON && (i + 1 === this.eol || t.charCodeAt(i + 1) === SPACE)) giveUp(); // a key where a value belongs
      }
      while (t.charCodeAt(end - 1) === SPACE) end--;
      value = plainScalar(t.slice(at, end));
    }
    // A deeper line next is a scalar going on over it (or an error): the caller gives up there.
    this.next();
    return value;
  }

  /** A quoted scalar or a flow collection at `at`, on one line: its value and the index after it. */
  private flowValue(at: number, depth = 1): [unknown, number] {
    const t = this.t;
    const c = t.charCodeAt(at);
    if (c === DQUOTE) return this.doubleQuoted(at);
    if (c === SQUOTE) return this.singleQuoted(at);
    if (depth > MAX_FLOW_DEPTH) giveUp();
    if (c === OPEN_SEQ) {
      const list: unknown[] = [];
      const after = this.flowEntries(at, CLOSE_SEQ, (i) => {
        const [value, end] = this.flowEntry(i, depth);
        list.push(value);
        return end;
      });
      return [list, after];
    }
    if (c === OPEN_MAP) {
      const map: Record<string, unknown> = {};
      const after = this.flowEntries(at, CLOSE_MAP, (i) => {
        const keyEnd = this.flowPlainEnd(i);
        const colon = this.skipSpaces(keyEnd);
        if (t.charCodeAt(colon) !== COLON || t.charCodeAt(colon + 1) !== SPACE) giveUp();
        const key = this.keyAt(i, keyEnd);
        this.refuseKey(map, key);
        const [value, end] = this.flowEntry(this.skipSpaces(colon + 1), depth);
        map[key] = value;
        return end;
      });
      return [map, after];
    }
    return giveUp();
  }

  /**
   * The entries of the flow collection opened at `at` and closed by `close`: `read` reads the
   * entry starting at an index and says where it ends. Returns the index after the close.
   */
  private flowEntries(at: number, close: number, read: (at: number) => number): number {
    let i = this.skipSpaces(at + 1);
    if (this.t.charCodeAt(i) === close) return i + 1;
    for (;;) {
      i = this.skipSpaces(read(i));
      const ch = this.t.charCodeAt(i);
      if (ch === close) return i + 1;
      if (ch !== COMMA) giveUp();
      i = this.skipSpaces(i + 1);
    }
  }

  /**
   * Keys left to js-yaml: a repeated key (js-yaml refuses it), `__proto__` (which it sets
   * apart) and `<<`, a merge key to some readers (such files take the careful path, see
   * ANCHOR_OR_ALIAS in yaml.ts).
   */
  private refuseKey(map: Record<string, unknown>, key: string): void {
    if (key === "__proto__" || key === "<<" || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
  }

  /** One entry of a flow collection: a quoted scalar, a nested flow collection or a plain scalar. */
  private flowEntry(at: number, depth: number): [unknown, number] {
    const c = this.t.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE || c === OPEN_SEQ || c === OPEN_MAP) return this.flowValue(at, depth + 1);
    const end = this.flowPlainEnd(at);
    return [plainScalar(this.t.slice(at, end)), end];
  }

  /** The end of a plain scalar inside a flow collection (trailing spaces excluded); gives up on anything unusual. */
  private flowPlainEnd(at: number): number {
    const t = this.t;
    const first = t.charCodeAt(at);
    if (at >= this.eol || (first < 128 && NOT_PLAIN_START[first])) giveUp();
    if (first === DASH) {
      const after = t.charCodeAt(at + 1);
      if (after === SPACE || (after < 128 && FLOW_STOP[after]) || at + 1 >= this.eol) giveUp(); // `-` needs a plain character after it
    }
    let i = at;
    while (i < this.eol) {
      const ch = t.charCodeAt(i);
      if (ch < 128 && FLOW_STOP[ch]) break;
      i++;
    }
    if (i === this.eol) giveUp(); // the collection goes on over the next line
    const ch = t.charCodeAt(i);
    if (ch === HASH || ch === DQUOTE || ch === SQUOTE || ch === OPEN_SEQ || ch === OPEN_MAP) giveUp();
    if (ch === COLON && t.charCodeAt(i + 1) !== SPACE) giveUp(); // a: inside a flow scalar
    while (t.charCodeAt(i - 1) === SPACE) i--;
    return i;
  }

  private doubleQuoted(at: number): [string, number] {
    const t = this.t;
    let out = "";
    let from = at + 1;
    for (let i = from; i < this.eol; i++) {
      const ch = t.charCodeAt(i);
      if (ch === DQUOTE) return [out + t.slice(from, i), i + 1];
      if (ch !== BACKSLASH) continue;
      out += t.slice(from, i);
      const e = t[i + 1] ?? "";
      if (e === "u") {
        const hex = t.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) giveUp();
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) giveUp();
        out += String.fromCharCode(code);
        i += 5;
      } else {
        const plain = ESCAPES[e];
        if (plain === undefined) giveUp();
        out += plain;
        i += 1;
      }
      from = i + 1;
    }
    return giveUp(); // the closing quote is on another line
  }

  private singleQuoted(at: number): [string, number] {
    const t = this.t;
    let out = "";
    let from = at + 1;
    for (let i = from; i < this.eol; i++) {
      if (t.charCodeAt(i) !== SQUOTE) continue;
      if (t.charCodeAt(i + 1) !== SQUOTE) return [out + t.slice(from, i), i + 1];
      out += t.slice(from, i + 1);
      i++;
      from = i + 1;
    }
    return giveUp();
  }

  /**
   * The mapping key written from `at` to `end`. Keys repeat from item to item: one read before
   * (found by its length and first character) is taken again instead of a new copy of its text.
   */
  private keyAt(at: number, end: number): string {
    if (end - at > MAX_KEY_LENGTH) giveUp();
    const t = this.t;
    const slot = ((end - at) * 33 + t.charCodeAt(at)) & (KEY_SLOTS - 1);
    const known = this.keys[slot];
    if (known !== undefined && known.length === end - at && t.startsWith(known, at)) return known;
    if (!this.nonAsciiKey) this.noteKey(at, end);
    const text = t.slice(at, end);
    const key = String(plainScalar(text));
    if (key === text) this.keys[slot] = key;
    return key;
  }

  private noteKey(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.t.charCodeAt(i) >= 128) this.nonAsciiKey = true;
  }

  private skipSpaces(at: number): number {
    while (at < this.eol && this.t.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** Whether only spaces, then nothing or a comment, follow `at` on the line ending at `eol`. */
  private blankFrom(at: number, eol: number): boolean {
    let i = at;
    while (i < eol && this.t.charCodeAt(i) === SPACE) i++;
    return i === eol || (i > at && this.t.charCodeAt(i) === HASH);
  }
}

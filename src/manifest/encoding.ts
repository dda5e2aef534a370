import type { Diagnostic } from "../model/plan.js";

/**
 * Characters a manifest value must not hold: C0 controls other than tab and line feed, DEL,
 * C1 controls, line/paragraph separators and the bidirectional overrides and isolates that
 * make text display in another order than it is stored.
 */
const FORBIDDEN_RANGES = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";
export const FORBIDDEN_CHAR = new RegExp(`[${FORBIDDEN_RANGES}]`);

/**
 * `plain`: the text holds no control character (tab and carriage return included), no line or
 * paragraph separator, no direction change, no backslash (the escape that writes one) and no
 * byte-order mark or non-character: no value read from it can hold a forbidden character, and
 * the block-style parser need not look for what it leaves to js-yaml. One scan finds it.
 */
export type Decoded = { ok: true; text: string; plain: boolean } | { ok: false; problem: Diagnostic };

/** The forbidden characters, and tab, backslash, BOM and the two non-characters: one class, one scan. */
const NOT_PLAIN = new RegExp(`[${FORBIDDEN_RANGES}\\t\\\\\\uFEFF\\uFFFE\\uFFFF]`);

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a manifest file. Only UTF-8 is accepted (a leading byte-order mark is dropped);
 * anything else is refused at the first byte that is not UTF-8, never replaced by U+FFFD.
 * Raw control characters are refused too (a carriage return only before a line feed).
 */
export function decodeManifest(file: string, bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse(file, 1, 1, "the file is UTF-16; manifests must be UTF-8");
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // The fatal decoder refuses what firstInvalidUtf8 refuses; the byte-by-byte scan runs only to
  // say where.
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body));
    const { line, column } = positionOfByte(body, bad);
    const hex = (body[bad] ?? 0).toString(16).padStart(2, "0");
    return refuse(file, line, column, `the file is not UTF-8 (byte 0x${hex} is not valid here; was it saved as GBK or another legacy encoding?)`);
  }
  if (!NOT_PLAIN.test(text)) return { ok: true, text, plain: true };
  const control = firstRawControl(text);
  if (control) return refuse(file, control.line, control.column, `control character ${codePoint(control.char)} in the file; manifests hold plain text only`);
  return { ok: true, text, plain: false };
}

export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

function refuse(file: string, line: number, column: number, message: string): Decoded {
  return { ok: false, problem: { source: { file, line, column }, message } };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function positionOfByte(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = utf8.decode(b.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

function firstRawControl(text: string): { line: number; column: number; char: string } | undefined {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split("\n").length;
  const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
  return { line, column, char: m[0] };
}

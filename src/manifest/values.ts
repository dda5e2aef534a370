import type { Diagnostic } from "../model/plan.js";
import { formatPath } from "./diagnose.js";
import { codePoint, FORBIDDEN_CHAR } from "./encoding.js";
import type { ParsedDocument, PathSegment } from "./yaml.js";

/**
 * Problems in a parsed document's values that no schema sees: control and direction-changing
 * characters (in keys and strings), and mapping keys that look alike but differ (NFC/NFD forms,
 * full-width letters), which a reader takes for one key.
 */
export function valueProblems(doc: ParsedDocument, plainText = false): Diagnostic[] {
  // Plain text holds no forbidden character, and keys all in ASCII never look alike.
  if (plainText && doc.asciiKeys) return [];
  const out: Diagnostic[] = [];
  // One path, grown and shrunk along the walk; copied only for a message.
  const path: PathSegment[] = [];
  const report = (at: PathSegment[], key: boolean, message: string) =>
    out.push({ source: doc.positionOf(at, key), path: formatPath(at), message });
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      if (plainText) return;
      const m = FORBIDDEN_CHAR.exec(value);
      if (m) report([...path], false, `holds control character ${codePoint(m[0])}; values must be plain text`);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      // Distinct ASCII keys never look alike: the look-alike check runs where a key is not ASCII.
      let seen: Map<string, string> | undefined;
      for (const k in record) {
        if (!NOT_ASCII.test(k)) continue;
        seen = new Map();
        break;
      }
      for (const k in record) {
        if (!plainText) {
          const m = FORBIDDEN_CHAR.exec(k);
          if (m) report([...path, k], true, `the key holds control character ${codePoint(m[0])}`);
        }
        if (seen) {
          const folded = lookAlikeForm(k);
          const other = seen.get(folded);
          if (other !== undefined) report([...path, k], true, `looks like the key ${JSON.stringify(other)} of the same mapping but is written with other characters (Unicode normalisation or full-width letters)`);
          else seen.set(folded, k);
        }
        path.push(k);
        visit(record[k]);
        path.pop();
      }
    }
  };
  visit(doc.value);
  return out;
}

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
export const NOT_ASCII = /[^\u0000-\u007f]/;

/** The form two strings share when a reader cannot tell them apart. */
export function lookAlikeForm(text: string): string {
  return text.normalize("NFKC");
}

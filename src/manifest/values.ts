import type { Diagnostic } from "../model/plan.js";
import { formatPath } from "./diagnose.js";
import { codePoint, FORBIDDEN_CHAR } from "./encoding.js";
import type { ParsedDocument, PathSegment } from "./yaml.js";

/**
 * Problems in a parsed document's values that no schema sees: control and direction-changing
 * characters (in keys and strings), and mapping keys that look alike but differ (NFC/NFD forms,
 * full-width letters), which a reader takes for one key.
 */
export function valueProblems(doc: ParsedDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (path: PathSegment[], key: boolean, message: string) =>
    out.push({ source: doc.positionOf(path, key), path: formatPath(path), message });
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === "string") {
      const m = FORBIDDEN_CHAR.exec(value);
      if (m) report(path, false, `holds control character ${codePoint(m[0])}; values must be plain text`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value && typeof value === "object") {
      const seen = new Map<string, string>();
      for (const [k, v] of Object.entries(value)) {
        const m = FORBIDDEN_CHAR.exec(k);
        if (m) report([...path, k], true, `the key holds control character ${codePoint(m[0])}`);
        const folded = lookAlikeForm(k);
        const other = seen.get(folded);
        if (other !== undefined) report([...path, k], true, `looks like the key ${JSON.stringify(other)} of the same mapping but is written with other characters (Unicode normalisation or full-width letters)`);
        else seen.set(folded, k);
        visit(v, [...path, k]);
      }
    }
  };
  visit(doc.value, []);
  return out;
}

/** The form two strings share when a reader cannot tell them apart. */
export function lookAlikeForm(text: string): string {
  return text.normalize("NFKC");
}

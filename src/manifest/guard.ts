import type { Diagnostic } from "../model/plan.js";

/** Deepest nesting of flow collections (`[`, `{`) a manifest may use. */
export const MAX_FLOW_DEPTH = 64;
/** Widest indentation a manifest line may have; deeper block nesting is refused. */
export const MAX_INDENT = 256;

/**
 * A linear scan for nesting so deep that the YAML parser itself could run out of stack or
 * memory (a hostile file). Runs before parsing; quoted strings and comments are skipped.
 */
export function nestingProblem(file: string, text: string): Diagnostic | undefined {
  let depth = 0;
  let line = 1;
  let column = 0;
  let lineStart = true;
  let indent = 0;
  let quote: '"' | "'" | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    column++;
    if (ch === "\n") {
      line++;
      column = 0;
      lineStart = true;
      indent = 0;
      comment = false;
      continue;
    }
    if (lineStart) {
      // Leading spaces and compact sequence markers ("- - - x") both nest a block deeper.
      const step = ch === " " ? 1 : ch === "-" && text[i + 1] === " " ? 2 : 0;
      if (step) {
        indent += step;
        if (indent > MAX_INDENT) return { source: { file, line, column }, message: `YAML: indentation deeper than ${MAX_INDENT} columns: refusing a document nested this deep` };
        if (step === 2) {
          i++;
          column++;
        }
        continue;
      }
      lineStart = false;
    }
    if (comment) continue;
    if (quote) {
      if (ch === quote && !(quote === '"' && text[i - 1] === "\\")) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#" && (i === 0 || /\s/.test(text[i - 1] ?? " "))) comment = true;
    else if (ch === "[" || ch === "{") {
      if (++depth > MAX_FLOW_DEPTH) return { source: { file, line, column }, message: `YAML: collections nested more than ${MAX_FLOW_DEPTH} levels deep: refusing a document nested this deep` };
    } else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

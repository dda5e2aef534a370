import type { Diagnostic } from "../model/plan.js";

/** Deepest nesting of flow collections (`[`, `{`) a manifest may use. */
export const MAX_FLOW_DEPTH = 64;
/** Widest indentation a manifest line may have; deeper block nesting is refused. */
export const MAX_INDENT = 256;

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const DASH = 45;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const OPEN_SQUARE = 91;
const OPEN_CURLY = 123;
const CLOSE_SQUARE = 93;
const CLOSE_CURLY = 125;

/**
 * A linear scan for nesting so deep that the YAML parser itself could run out of stack or
 * memory (a hostile file). Runs before parsing; quoted strings and comments are skipped.
 */
export function nestingProblem(file: string, text: string): Diagnostic | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let atIndent = true;
  let indent = 0;
  let quote = 0;
  let comment = false;
  const refuse = (i: number, message: string): Diagnostic => ({ source: { file, line, column: i - lineStart + 1 }, message });
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === NEWLINE) {
      line++;
      lineStart = i + 1;
      atIndent = true;
      indent = 0;
      comment = false;
      continue;
    }
    if (atIndent) {
      // Leading spaces and compact sequence markers ("- - - x") both nest a block deeper.
      const step = ch === SPACE ? 1 : ch === DASH && text.charCodeAt(i + 1) === SPACE ? 2 : 0;
      if (step) {
        indent += step;
        if (indent > MAX_INDENT) return refuse(i, `YAML: indentation deeper than ${MAX_INDENT} columns: refusing a document nested this deep`);
        if (step === 2) i++;
        continue;
      }
      atIndent = false;
    }
    if (comment) continue;
    if (quote) {
      if (ch === quote && !(quote === DQUOTE && text.charCodeAt(i - 1) === BACKSLASH)) quote = 0;
      continue;
    }
    if (ch === DQUOTE || ch === SQUOTE) quote = ch;
    else if (ch === HASH) {
      const before = i === 0 ? SPACE : text.charCodeAt(i - 1);
      if (before === SPACE || before === TAB || before === NEWLINE) comment = true;
    } else if (ch === OPEN_SQUARE || ch === OPEN_CURLY) {
      if (++depth > MAX_FLOW_DEPTH) return refuse(i, `YAML: collections nested more than ${MAX_FLOW_DEPTH} levels deep: refusing a document nested this deep`);
    } else if (ch === CLOSE_SQUARE || ch === CLOSE_CURLY) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

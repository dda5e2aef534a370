/**
 * Characters that would let a vendor string change how output looks rather than what it says:
 * C0 controls (newline, carriage return, escape, ...), DEL, C1 controls, and the bidirectional
 * overrides and isolates that reorder what a terminal or browser shows.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A vendor string made inert for a terminal or a comment: every such character shown as `\uXXXX`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A string as plans quote it: JSON quoting, with the characters above escaped as well. */
export function quoted(text: string): string {
  return visible(JSON.stringify(text));
}

/** Text outside code blocks in markdown: HTML and table syntax become entities, so `<!--` cannot hide what follows. */
export function markdownText(text: string): string {
  return visible(text).replace(/[<>|&]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A code fence longer than any run of backticks in the content, so the content cannot close it. */
export function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return "`".repeat(Math.max(3, longest + 1));
}

/** Like `visible`, keeping the line breaks of text this program laid out itself (pretty JSON). */
export function visibleLines(text: string): string {
  return text.split("\n").map(visible).join("\n");
}

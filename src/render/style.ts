import pc from "picocolors";

/** Colours for terminal output; all identity functions when colour is off. */
export interface Style {
  add(text: string): string;
  remove(text: string): string;
  change(text: string): string;
  strong(text: string): string;
  dim(text: string): string;
  warn(text: string): string;
}

export function makeStyle(color: boolean): Style {
  const c = pc.createColors(color);
  return { add: c.green, remove: c.red, change: c.yellow, strong: c.bold, dim: c.dim, warn: (t) => c.bold(c.red(t)) };
}

export const plainStyle: Style = makeStyle(false);

/** A value as a plan shows it: strings quoted, everything else as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(unset)";
  return JSON.stringify(value);
}

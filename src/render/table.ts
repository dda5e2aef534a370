import stringWidth from "string-width";

/** Pad to a display width: a Chinese character takes two terminal columns, an ANSI colour none. */
export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - stringWidth(text))) + text;
}

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Rows as aligned columns (two spaces apart); `align` says which columns are numbers, padded
 * on the left. The last column is not padded.
 */
export function alignColumns(rows: string[][], numeric: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 && !numeric.has(i) ? cell : numeric.has(i) ? padStart(cell, widths[i]!) : padEnd(cell, widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

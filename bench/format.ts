/** Number formats shared by the report and the target list. */
export const ms = (n: number | undefined) => (n === undefined ? "–" : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
export const mb = (n: number | undefined) => (n === undefined ? "–" : `${Math.round(n)} MB`);
export const ratio = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(2));
export const int = (n: number) => n.toLocaleString("en-US");

import { readFileSync } from "node:fs";

/** This orgform's version, from the package.json shipped next to `src/` and `dist/`. */
export const ORGFORM_VERSION: string = readVersion();

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

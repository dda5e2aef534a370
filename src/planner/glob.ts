/** Compile a glob (`*` any run of characters, `?` one character) into an anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (const ch of pattern) {
    if (ch === "*") source += ".*";
    else if (ch === "?") source += ".";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}

/** True when any pattern matches the key or the name. */
export function matchesAny(patterns: RegExp[], key: string, name: unknown): boolean {
  return patterns.some((re) => re.test(key) || (typeof name === "string" && re.test(name)));
}

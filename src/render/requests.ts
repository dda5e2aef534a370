import type { HttpRequest } from "../model/request.js";
import { visible, visibleLines } from "./escape.js";

/**
 * Dry-run output: each call as method, URL and JSON body, exactly as it would be sent (personal
 * values included: a dry run shows the requests themselves); control characters are escaped.
 */
export function renderRequests(groups: { title: string; requests: HttpRequest[] }[]): string {
  if (!groups.length) return "No requests: nothing to apply.\n";
  const out: string[] = [];
  let n = 0;
  for (const g of groups) {
    out.push(`# ${visible(g.title)}`);
    for (const r of g.requests) {
      n++;
      out.push(visible(`${r.method} ${r.url}`));
      if (r.body !== undefined) out.push(prettyBody(r.body));
    }
    out.push("");
  }
  out.push(`${n} request${n === 1 ? "" : "s"} would be sent (dry run: nothing was sent).`);
  return `${out.join("\n")}\n`;
}

function prettyBody(body: string): string {
  try {
    return visibleLines(JSON.stringify(JSON.parse(body), null, 2));
  } catch {
    return visible(body);
  }
}

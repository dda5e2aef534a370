import { countResults, type ActionResult } from "../model/result.js";
import { visible } from "./escape.js";
import { plainStyle, type Style } from "./style.js";
import { displayWidth, padEnd, padStart } from "./table.js";

/** The end-of-run table: every action with what happened to it, aligned by display width. */
export function renderResults(results: ActionResult[], style: Style = plainStyle): string {
  if (!results.length) return "Nothing to apply.\n";
  const ids = results.map((r) => visible(r.id));
  const idWidth = Math.min(70, Math.max(6, ...ids.map(displayWidth)));
  const lines = [style.strong(`${padEnd("STATUS", 8)} ${padEnd("OP", 6)} ${padEnd("ACTION", idWidth)} ${padStart("CALLS", 5)}  DETAIL`)];
  results.forEach((r, i) => {
    const paint = r.status === "done" ? style.add : r.status === "failed" ? style.remove : style.change;
    const detail = visible([r.code === undefined ? "" : `[${r.code}]`, r.message ?? ""].filter(Boolean).join(" "));
    lines.push(`${paint(padEnd(r.status, 8))} ${padEnd(r.op, 6)} ${padEnd(ids[i]!, idWidth)} ${padStart(String(r.calls), 5)}  ${detail}`.trimEnd());
  });
  const n = countResults(results);
  const unknown = n.unknown ? `, ${n.unknown} unknown (in flight when stopped: run plan to see)` : "";
  lines.push("", style.strong(`Apply: ${n.done} done, ${n.failed} failed, ${n.skipped} skipped${unknown}.`));
  return `${lines.join("\n")}\n`;
}

import { countResults, type ActionResult } from "../model/result.js";
import { plainStyle, type Style } from "./style.js";

/** The end-of-run table: every action with what happened to it. */
export function renderResults(results: ActionResult[], style: Style = plainStyle): string {
  if (!results.length) return "Nothing to apply.\n";
  const idWidth = Math.min(70, Math.max(6, ...results.map((r) => r.id.length)));
  const lines = [style.strong(`${"STATUS".padEnd(8)} ${"OP".padEnd(6)} ${"ACTION".padEnd(idWidth)} ${"CALLS".padStart(5)}  DETAIL`)];
  for (const r of results) {
    const paint = r.status === "done" ? style.add : r.status === "failed" ? style.remove : style.change;
    const detail = [r.code === undefined ? "" : `[${r.code}]`, r.message ?? ""].filter(Boolean).join(" ");
    lines.push(`${paint(r.status.padEnd(8))} ${r.op.padEnd(6)} ${r.id.padEnd(idWidth)} ${String(r.calls).padStart(5)}  ${detail}`.trimEnd());
  }
  const n = countResults(results);
  const unknown = n.unknown ? `, ${n.unknown} unknown (in flight when stopped: run plan to see)` : "";
  lines.push("", style.strong(`Apply: ${n.done} done, ${n.failed} failed, ${n.skipped} skipped${unknown}.`));
  return `${lines.join("\n")}\n`;
}

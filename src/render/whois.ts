import { whoisCount, type WhoisReport } from "../engine/whois.js";
import type { Style } from "./style.js";

/** A whois report as text: per target, the account and every place it appears. */
export function renderWhois(report: WhoisReport, style: Style): string {
  const lines = [`${report.handle}${report.name ? ` (${report.name})` : ""}${report.left ? " — has left" : ""}`];
  for (const t of report.targets) {
    if (t.account === undefined) {
      lines.push(`  ${t.target} (${t.driver}): no account listed for this person`);
      continue;
    }
    lines.push(`  ${t.target} (${t.driver}): account ${t.account}${t.hits.length ? "" : ": not found"}`);
    for (const h of t.hits) lines.push(`    ${h.kind} ${h.key}${h.field === "key" ? " (record)" : ` ${h.field}`}`);
  }
  const found = whoisCount(report);
  if (report.left) lines.push(found ? style.warn(`Still present in ${found} place${found === 1 ? "" : "s"}.`) : style.add("Found nowhere: offboarding complete."));
  return `${lines.join("\n")}\n`;
}

import type { Action, Plan } from "../model/plan.js";
import { visible } from "./escape.js";
import { plainStyle, type Style } from "./style.js";
import { alignColumns } from "./table.js";

/** The changes of one (target, kind) pair, counted. */
export interface GroupCount {
  target: string;
  kind: string;
  create: number;
  update: number;
  delete: number;
  add: number;
  remove: number;
  /** The safety rules this pair breaks. */
  unsafe: string[];
}

/** Counts per target and kind, sorted by target then kind. */
export function groupCounts(plan: Plan): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  const tally = (a: Action): GroupCount => {
    const key = `${a.target}\u0000${a.kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { target: a.target, kind: a.kind, create: 0, update: 0, delete: 0, add: 0, remove: 0, unsafe: [] }));
    return g;
  };
  for (const a of plan.actions) {
    const g = tally(a);
    g[a.op]++;
    for (const c of a.changes) {
      g.add += c.add?.length ?? 0;
      g.remove += c.remove?.length ?? 0;
    }
  }
  for (const v of plan.safety.violations) groups.get(`${v.target}\u0000${v.kind}`)?.unsafe.push(v.rule);
  return [...groups.values()].sort((a, b) => (a.target === b.target ? cmp(a.kind, b.kind) : cmp(a.target, b.target)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "Plan: 1 to add, 2 to change, 0 to destroy; members: +12 −3" */
export function summaryLine(plan: Plan, style: Style = plainStyle): string {
  const s = plan.summary;
  return style.strong(`Plan: ${s.create} to add, ${s.update} to change, ${s.delete} to destroy; members: +${s.add} −${s.remove}`);
}

/** `--summary` in a terminal: one aligned row per target and kind, then the totals. */
export function renderTextSummary(plan: Plan, style: Style = plainStyle): string {
  const out: string[] = [];
  if (!plan.safety.ok) out.push(style.warn("UNSAFE PLAN: the safety rules stopped it:"), ...plan.safety.violations.map((v) => style.warn(`  ! ${visible(v.message)} [${v.rule}]`)), "");
  if (plan.actions.length === 0) return `${[...out, `${style.strong("No changes.")} The live state matches the manifests.`].join("\n")}\n`;
  const rows = [["TARGET", "KIND", "CREATE", "UPDATE", "DELETE", "MEMBERS+", "MEMBERS-", "SAFETY"]];
  for (const g of groupCounts(plan)) {
    rows.push([visible(g.target), visible(g.kind), ...[g.create, g.update, g.delete, g.add, g.remove].map(String), g.unsafe.length ? `unsafe: ${g.unsafe.join(", ")}` : "ok"]);
  }
  const [head = "", ...body] = alignColumns(rows, new Set([2, 3, 4, 5, 6]));
  out.push(style.strong(head), ...body, "", summaryLine(plan, style));
  return `${out.join("\n")}\n`;
}

/** `--summary --format json`: the totals and the per-target, per-kind counts. */
export function renderJsonSummary(plan: Plan): string {
  return `${JSON.stringify({ formatVersion: plan.formatVersion, summary: plan.summary, groups: groupCounts(plan), safety: plan.safety }, null, 2)}\n`;
}

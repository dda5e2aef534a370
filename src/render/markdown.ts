import type { Action, Plan } from "../model/plan.js";
import { actionLines } from "./action-lines.js";

/** GitHub and GitLab cut comments near 65 536 characters; stay well below. */
export const MARKDOWN_LIMIT = 60_000;

const DIFF_INDENT = ["", "    ", "        "] as const;

/**
 * The plan as a pull-request comment: a summary table per target and kind, then one
 * collapsible section per target with a diff block per object. Past `limit` characters the
 * text is cut at an object boundary with a note on what was left out.
 */
export function renderMarkdown(plan: Plan, limit = MARKDOWN_LIMIT): string {
  const head: string[] = ["## orgform plan", ""];
  if (!plan.safety.ok) {
    head.push("> [!CAUTION]", "> **Unsafe plan.** `apply` will refuse it without `--force`:");
    for (const v of plan.safety.violations) head.push(`> - ${escape(v.message)} (\`${v.rule}\`)`);
    head.push("");
  }
  if (plan.actions.length === 0) {
    head.push("**No changes.** The live state matches the manifests.", "");
    return head.join("\n");
  }
  const s = plan.summary;
  head.push(`**Plan:** ${s.create} to add, ${s.update} to change, **${s.delete} to destroy**; members: +${s.add} **−${s.remove}**`, "", ...summaryTable(plan), "");

  const sections = plan.targets
    .map((t) => ({ target: t, actions: plan.actions.filter((a) => a.target === t.name) }))
    .filter((g) => g.actions.length > 0);
  const out = [...head];
  let used = out.join("\n").length;
  let left = 0;
  let leftChars = 0;
  for (const { target, actions } of sections) {
    const open = [`<details open><summary><b>${escape(target.name)}</b> (${target.driver}): ${actions.length} change${actions.length === 1 ? "" : "s"}</summary>`, ""];
    const close = ["</details>", ""];
    const blocks = actions.map(block);
    const reserve = 400; // room for the closing tags and the note on what was cut
    if (left > 0 || used + open.join("\n").length + blocks[0]!.length + reserve > limit) {
      left += actions.length;
      leftChars += blocks.reduce((n, b) => n + b.length, 0);
      continue;
    }
    out.push(...open);
    used += open.join("\n").length;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i] as string;
      if (left > 0 || used + b.length + reserve > limit) {
        left++;
        leftChars += b.length;
        continue;
      }
      out.push(b);
      used += b.length + 1;
    }
    out.push(...close);
  }
  if (left > 0) {
    out.push(`> **Cut here:** ${left} more change${left === 1 ? "" : "s"} (about ${leftChars.toLocaleString("en-US")} characters) are not shown. The full plan is in the JSON plan file (\`orgform plan --out plan.json\`).`, "");
  }
  return out.join("\n");
}

function summaryTable(plan: Plan): string[] {
  const rows = ["| target | kind | create | update | delete | members + | members − | safety |", "|---|---|---:|---:|---:|---:|---:|---|"];
  const groups = new Map<string, Action[]>();
  for (const a of plan.actions) {
    const key = `${a.target}\u0000${a.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const [key, actions] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [target = "", kind = ""] = key.split("\u0000");
    const count = (op: Action["op"]) => actions.filter((a) => a.op === op).length;
    const members = (side: "add" | "remove") => actions.reduce((n, a) => n + a.changes.reduce((m, c) => m + (c[side]?.length ?? 0), 0), 0);
    const violations = plan.safety.violations.filter((v) => v.target === target && v.kind === kind);
    const safety = violations.length ? `**unsafe**: ${violations.map((v) => v.rule).join(", ")}` : "ok";
    const del = count("delete");
    const rem = members("remove");
    rows.push(`| ${escape(target)} | ${kind} | ${count("create")} | ${count("update")} | ${del ? `**${del}**` : 0} | ${members("add")} | ${rem ? `**${rem}**` : 0} | ${safety} |`);
  }
  return rows;
}

/** One object's changes as a diff block: additions green, deletes and removals red. */
function block(action: Action): string {
  const lines = actionLines(action).map((l) => `${l.mark === "~" ? "!" : l.mark} ${DIFF_INDENT[l.depth]}${l.text}`);
  return ["```diff", ...lines, "```"].join("\n");
}

function escape(text: string): string {
  return text.replace(/[<>|]/g, (c) => `&#${c.charCodeAt(0)};`);
}

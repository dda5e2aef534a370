import type { KindModel } from "../model/kind.js";
import type { Action, Plan } from "../model/plan.js";
import { actionLines, type ActionLineOptions } from "./action-lines.js";
import type { PersonLabel } from "../model/org.js";
import { fenceFor, markdownText } from "./escape.js";
import { groupCounts } from "./summary.js";

/** GitHub and GitLab cut comments near 65 536 characters; stay well below. */
export const MARKDOWN_LIMIT = 60_000;

/** Members listed per side of one object's set change before "... and N more". */
export const MEMBER_PREVIEW = 50;

export interface MarkdownOptions {
  /** Characters the comment may take (default MARKDOWN_LIMIT). */
  limit?: number;
  /** The kind models, to mask sensitive fields. */
  kinds?: ReadonlyMap<string, KindModel>;
  /** Only the summary table: no per-object detail. */
  summary?: boolean;
  /** Where the reader finds the full plan, named in the cut note. */
  planFile?: string;
}

const DIFF_INDENT = ["", "    ", "        "] as const;

/**
 * The plan as a pull-request comment: a summary table per target and kind, then one
 * collapsible section per target with a diff block per object. An object with many members
 * shows the first ones and how many more; past the limit the text is cut at an object
 * boundary with a note on what was left out and where the full plan is.
 */
export function renderMarkdown(plan: Plan, options: MarkdownOptions | number = {}): string {
  const opts: MarkdownOptions = typeof options === "number" ? { limit: options } : options;
  const limit = opts.limit ?? MARKDOWN_LIMIT;
  const head: string[] = ["## orgform plan", ""];
  if (!plan.safety.ok) {
    head.push("> [!CAUTION]", "> **Unsafe plan.** `apply` will refuse it without `--force`:");
    for (const v of plan.safety.violations) head.push(`> - ${markdownText(v.message)} (\`${markdownText(v.rule)}\`)`);
    head.push("");
  }
  if (plan.actions.length === 0) {
    head.push("**No changes.** The live state matches the manifests.", "");
    return head.join("\n");
  }
  const s = plan.summary;
  head.push(`**Plan:** ${s.create} to add, ${s.update} to change, **${s.delete} to destroy**; members: +${s.add} **−${s.remove}**`, "", ...summaryTable(plan), "");
  for (const note of plan.notes ?? []) head.push(`> ${markdownText(note)}`, "");
  if (opts.summary) {
    head.push(`Per-object detail: \`orgform show ${opts.planFile ?? "plan.json"}\` on the JSON plan file.`, "");
    return head.join("\n");
  }
  return [...head, ...sections(plan, opts, limit - head.join("\n").length)].join("\n");
}

function sections(plan: Plan, opts: MarkdownOptions, room: number): string[] {
  const reserve = 500; // room for the closing tags and the note on what was cut
  const out: string[] = [];
  let used = 0;
  let left = 0;
  for (const target of plan.targets) {
    const actions = plan.actions.filter((a) => a.target === target.name);
    if (!actions.length) continue;
    const open = `<details open><summary><b>${markdownText(target.name)}</b> (${markdownText(target.driver)}): ${actions.length} change${actions.length === 1 ? "" : "s"}</summary>\n`;
    const shown: string[] = [];
    let size = open.length;
    for (const action of actions) {
      const b = left > 0 ? undefined : fitting(action, opts, room - used - size - reserve, plan.people?.[target.name]);
      if (b === undefined) {
        left++;
        continue;
      }
      shown.push(b);
      size += b.length + 1;
    }
    if (!shown.length) continue;
    out.push(open, ...shown, "</details>", "");
    used += size + 12;
  }
  if (left > 0) {
    const file = opts.planFile ?? "plan.json";
    out.push(
      `> **Cut here:** ${left} more change${left === 1 ? " is" : "s are"} not shown (the table above counts every change). The full plan is in the JSON plan file: \`orgform show ${file}\` prints all of it (\`orgform plan --out ${file}\` writes it; in CI it is the plan artifact).`,
      "",
    );
  }
  return out;
}

/** The object's diff block within `room` characters: with the member preview, a shorter one, or none. */
function fitting(action: Action, opts: MarkdownOptions, room: number, people?: Readonly<Record<string, PersonLabel>>): string | undefined {
  for (const maxMembers of [MEMBER_PREVIEW, 5]) {
    const b = block(action, { kinds: opts.kinds, maxMembers, ...(people ? { people } : {}) });
    if (b.length <= room) return b;
  }
  return undefined;
}

function summaryTable(plan: Plan): string[] {
  const rows = ["| target | kind | create | update | delete | members + | members − | safety |", "|---|---|---:|---:|---:|---:|---:|---|"];
  for (const g of groupCounts(plan)) {
    const safety = g.unsafe.length ? `**unsafe**: ${g.unsafe.map(markdownText).join(", ")}` : "ok";
    rows.push(
      `| ${markdownText(g.target)} | ${markdownText(g.kind)} | ${g.create} | ${g.update} | ${g.delete ? `**${g.delete}**` : 0} | ${g.add} | ${g.remove ? `**${g.remove}**` : 0} | ${safety} |`,
    );
  }
  return rows;
}

/** One object's changes as a diff block: additions green, deletes and removals red. */
function block(action: Action, options: ActionLineOptions): string {
  const lines = actionLines(action, options).map((l) => `${l.mark === "~" ? "!" : l.mark} ${DIFF_INDENT[l.depth]}${l.text}`);
  const fence = fenceFor(lines.join("\n"));
  return [`${fence}diff`, ...lines, fence].join("\n");
}

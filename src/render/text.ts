import type { Action, Plan } from "../model/plan.js";
import { actionLines, type ActionLineOptions } from "./action-lines.js";
import { visible } from "./escape.js";
import { plainStyle, type Style } from "./style.js";
import { summaryLine } from "./summary.js";

export { summaryLine } from "./summary.js";

/**
 * The plan as a person reads it in a terminal: Terraform-like `+ ~ -` lines and a summary.
 * Every change is shown; sensitive values are masked when `options.kinds` is given.
 */
export function renderText(plan: Plan, style: Style = plainStyle, options: ActionLineOptions = {}): string {
  const out: string[] = [];
  if (!plan.safety.ok) out.push(...unsafeBanner(plan, style), "");
  if (plan.actions.length === 0) {
    out.push(style.strong("No changes.") + " The live state matches the manifests.");
    return `${out.join("\n")}\n`;
  }
  out.push("orgform will perform these actions (+ create, ~ update, - delete):", "");
  for (const target of plan.targets) {
    const actions = plan.actions.filter((a) => a.target === target.name);
    if (!actions.length) continue;
    out.push(style.strong(`Target ${visible(target.name)} (${visible(target.driver)})`));
    const people = plan.people?.[target.name];
    for (const action of actions) out.push(...renderAction(action, style, people ? { ...options, people } : options), "");
  }
  for (const note of plan.notes ?? []) out.push(`Note: ${visible(note)}`);
  out.push(summaryLine(plan, style));
  if (!plan.safety.ok) out.push(style.warn("This plan is UNSAFE: apply will refuse it without --force."));
  return `${out.join("\n")}\n`;
}

const INDENT = ["  ", "      ", "          "] as const;

function renderAction(action: Action, style: Style, options: ActionLineOptions): string[] {
  return actionLines(action, options).map((line) => {
    const paint = line.mark === "+" ? style.add : line.mark === "-" ? style.remove : style.change;
    return paint(`${INDENT[line.depth]}${line.mark} ${line.text}`);
  });
}

function unsafeBanner(plan: Plan, style: Style): string[] {
  return [style.warn("UNSAFE PLAN: the safety rules stopped it:"), ...plan.safety.violations.map((v) => style.warn(`  ! ${visible(v.message)} [${v.rule}]`))];
}

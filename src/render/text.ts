import type { Action, Plan } from "../model/plan.js";
import { actionLines } from "./action-lines.js";
import { plainStyle, type Style } from "./style.js";

/** The plan as a person reads it in a terminal: Terraform-like `+ ~ -` lines and a summary. */
export function renderText(plan: Plan, style: Style = plainStyle): string {
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
    out.push(style.strong(`Target ${target.name} (${target.driver})`));
    for (const action of actions) out.push(...renderAction(action, style), "");
  }
  out.push(summaryLine(plan, style));
  if (!plan.safety.ok) out.push(style.warn("This plan is UNSAFE: apply will refuse it without --force."));
  return `${out.join("\n")}\n`;
}

const INDENT = ["  ", "      ", "          "] as const;

function renderAction(action: Action, style: Style): string[] {
  return actionLines(action).map((line) => {
    const paint = line.mark === "+" ? style.add : line.mark === "-" ? style.remove : style.change;
    return paint(`${INDENT[line.depth]}${line.mark} ${line.text}`);
  });
}

/** "Plan: 1 to add, 2 to change, 0 to destroy; members: +12 −3" */
export function summaryLine(plan: Plan, style: Style = plainStyle): string {
  const s = plan.summary;
  return style.strong(`Plan: ${s.create} to add, ${s.update} to change, ${s.delete} to destroy; members: +${s.add} −${s.remove}`);
}

function unsafeBanner(plan: Plan, style: Style): string[] {
  return [style.warn("UNSAFE PLAN: the safety rules stopped it:"), ...plan.safety.violations.map((v) => style.warn(`  ! ${v.message} [${v.rule}]`))];
}

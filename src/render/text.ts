import type { Action, Plan } from "../model/plan.js";
import { plainStyle, showValue, type Style } from "./style.js";

const SYMBOL = { create: "+", update: "~", delete: "-" } as const;

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

function renderAction(action: Action, style: Style): string[] {
  const paint = action.op === "create" ? style.add : action.op === "delete" ? style.remove : style.change;
  const renamed = action.renamedFrom === undefined ? "" : ` (renamed from ${JSON.stringify(action.renamedFrom)})`;
  const lines = [paint(`  ${SYMBOL[action.op]} ${action.kind} ${JSON.stringify(action.key)}${renamed}`)];
  for (const change of action.changes) {
    if (change.add !== undefined || change.remove !== undefined) {
      const add = change.add ?? [];
      const remove = change.remove ?? [];
      lines.push(paint(`      ${action.op === "create" ? "+" : "~"} ${change.field}: +${add.length} −${remove.length}`));
      for (const m of add) lines.push(style.add(`          + ${m}`));
      for (const m of remove) lines.push(style.remove(`          - ${m}`));
    } else if (action.op === "create") {
      lines.push(style.add(`      + ${change.field}: ${showValue(change.after)}`));
    } else {
      lines.push(style.change(`      ~ ${change.field}: ${showValue(change.before)} → ${showValue(change.after)}`));
    }
  }
  return lines;
}

/** "Plan: 1 to add, 2 to change, 0 to destroy; members: +12 −3" */
export function summaryLine(plan: Plan, style: Style = plainStyle): string {
  const s = plan.summary;
  return style.strong(`Plan: ${s.create} to add, ${s.update} to change, ${s.delete} to destroy; members: +${s.add} −${s.remove}`);
}

function unsafeBanner(plan: Plan, style: Style): string[] {
  return [style.warn("UNSAFE PLAN: the safety rules stopped it:"), ...plan.safety.violations.map((v) => style.warn(`  ! ${v.message} [${v.rule}]`))];
}

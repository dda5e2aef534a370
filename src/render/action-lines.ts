import type { Action } from "../model/plan.js";
import { showValue } from "./style.js";

/** One line of an action as plans show it: a mark, a nesting depth and the text. */
export interface ActionLine {
  mark: "+" | "-" | "~";
  depth: 0 | 1 | 2;
  text: string;
}

const OP_MARK = { create: "+", update: "~", delete: "-" } as const;

/** The lines every human-readable format shows for an action, in order. */
export function actionLines(action: Action): ActionLine[] {
  const renamed = action.renamedFrom === undefined ? "" : ` (renamed from ${JSON.stringify(action.renamedFrom)})`;
  const lines: ActionLine[] = [{ mark: OP_MARK[action.op], depth: 0, text: `${action.kind} ${JSON.stringify(action.key)}${renamed}` }];
  for (const change of action.changes) {
    if (change.add !== undefined || change.remove !== undefined) {
      const add = change.add ?? [];
      const remove = change.remove ?? [];
      lines.push({ mark: action.op === "create" ? "+" : "~", depth: 1, text: `${change.field}: +${add.length} −${remove.length}` });
      for (const m of add) lines.push({ mark: "+", depth: 2, text: m });
      for (const m of remove) lines.push({ mark: "-", depth: 2, text: m });
    } else if (action.op === "create") {
      lines.push({ mark: "+", depth: 1, text: `${change.field}: ${showValue(change.after)}` });
    } else {
      lines.push({ mark: "~", depth: 1, text: `${change.field}: ${showValue(change.before)} → ${showValue(change.after)}` });
    }
  }
  return lines;
}

import { fieldSpecOf, type KindModel } from "../model/kind.js";
import type { Action } from "../model/plan.js";
import { quoted, visible } from "./escape.js";
import { showValue } from "./style.js";
import type { PersonLabel } from "../model/org.js";

/** One line of an action as plans show it: a mark, a nesting depth and the text. */
export interface ActionLine {
  mark: "+" | "-" | "~";
  depth: 0 | 1 | 2;
  text: string;
}

export interface ActionLineOptions {
  /** The kind models, to know which fields hold personal data; without them nothing is masked. */
  kinds?: ReadonlyMap<string, KindModel>;
  /** Show at most this many members per side of a set change, then "... and N more". */
  maxMembers?: number;
  /** Who account ids are on the action's target (from the plan's `people`), shown beside them. */
  people?: Readonly<Record<string, PersonLabel>>;
}

const OP_MARK = { create: "+", update: "~", delete: "-" } as const;

/** Whether a kind declares a field as personal data (text and markdown never show its value). */
export function isSensitiveField(kinds: ReadonlyMap<string, KindModel> | undefined, kind: string, field: string): boolean {
  const model = kinds?.get(kind);
  return model !== undefined && fieldSpecOf(model.fields, field)?.sensitive === true;
}

/**
 * The lines every human-readable format shows for an action, in order. Every vendor string is
 * escaped (no control character reaches the output) and sensitive values are not shown.
 */
export function actionLines(action: Action, options: ActionLineOptions = {}): ActionLine[] {
  const renamed = action.renamedFrom === undefined ? "" : ` (renamed from ${quoted(action.renamedFrom)})`;
  const lines: ActionLine[] = [{ mark: OP_MARK[action.op], depth: 0, text: `${visible(action.kind)} ${quoted(action.key)}${renamed}` }];
  for (const change of action.changes) {
    const field = visible(change.field);
    const sensitive = isSensitiveField(options.kinds, action.kind, change.field);
    if (change.add !== undefined || change.remove !== undefined) {
      const add = change.add ?? [];
      const remove = change.remove ?? [];
      const note = sensitive ? " (sensitive values not shown)" : "";
      lines.push({ mark: action.op === "create" ? "+" : "~", depth: 1, text: `${field}: +${add.length} −${remove.length}${note}` });
      if (sensitive) continue;
      lines.push(...members("+", add, options.maxMembers, options.people), ...members("-", remove, options.maxMembers, options.people));
    } else if (sensitive) {
      const text = action.op === "create" ? "(sensitive value)" : change.after === undefined || change.after === null ? "(sensitive value removed)" : "(sensitive value changed)";
      lines.push({ mark: action.op === "create" ? "+" : "~", depth: 1, text: `${field}: ${text}` });
    } else if (action.op === "create") {
      lines.push({ mark: "+", depth: 1, text: `${field}: ${visible(showValue(change.after))}${who(change.after, options.people)}` });
    } else {
      const before = `${visible(showValue(change.before))}${who(change.before, options.people)}`;
      lines.push({ mark: "~", depth: 1, text: `${field}: ${before} → ${visible(showValue(change.after))}${who(change.after, options.people)}` });
    }
  }
  return lines;
}

function members(mark: "+" | "-", ids: string[], max = Infinity, people?: Readonly<Record<string, PersonLabel>>): ActionLine[] {
  const shown = ids.slice(0, max).map((m): ActionLine => ({ mark, depth: 2, text: `${visible(m)}${who(m, people)}` }));
  if (ids.length > shown.length) shown.push({ mark, depth: 2, text: `... and ${ids.length - shown.length} more` });
  return shown;
}

/** ` (zhangsan 张三)` beside an account id the org knows; nothing otherwise. */
function who(value: unknown, people: Readonly<Record<string, PersonLabel>> | undefined): string {
  if (!people || typeof value !== "string") return "";
  const p = people[value];
  return p ? ` (${visible(p.handle)}${p.name ? ` ${visible(p.name)}` : ""})` : "";
}

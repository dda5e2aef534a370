import type { Action } from "../model/plan.js";
import type { CompileContext } from "./driver.js";

/**
 * Whether an update only re-points references at objects this plan renames (`parent: RD-OLD →
 * RD` while RD-OLD becomes RD). Where the vendor links objects by id, the reference follows the
 * rename by itself: such an update needs no call, and is done exactly when the rename is (it
 * depends on it). Sending it anyway could report a failure for a change the vendor already holds.
 */
export function onlyFollowsRenames(action: Action, ctx: CompileContext, kind: string, refFields: readonly string[]): boolean {
  return (
    action.renamedFrom === undefined &&
    action.changes.length > 0 &&
    action.changes.every((c) => {
      if (!refFields.includes(c.field) || typeof c.before !== "string" || typeof c.after !== "string") return false;
      const target = ctx.live(kind, c.after);
      return target !== undefined && target === ctx.live(kind, c.before);
    })
  );
}

import { buildOperations, type Operation } from "../apply/operations.js";
import type { CompileContext, KindSpec } from "../drivers/driver.js";
import { findKind } from "../drivers/registry.js";
import type { Action } from "../model/plan.js";
import { deferred } from "../model/request.js";
import { resourceId, type LiveResource } from "../model/resource.js";

/** Index live state and the plan's actions for the drivers' compile step. */
export function compileContext(target: string, live: LiveResource[], actions: Action[]): CompileContext {
  const byId = new Map(live.map((r) => [resourceId(r.target, r.kind, r.key), r]));
  const actionById = new Map(actions.map((a) => [a.id, a]));
  const current = (kind: string, key: string): LiveResource | undefined => {
    const id = resourceId(target, kind, key);
    const renamed = actionById.get(id)?.renamedFrom;
    return byId.get(renamed === undefined ? id : resourceId(target, kind, renamed)) ?? byId.get(id);
  };
  const renamedTo = new Map(actions.filter((a) => a.renamedFrom !== undefined).map((a) => [resourceId(target, a.kind, a.renamedFrom as string), a.key]));
  return {
    target,
    live: current,
    keyAfter: (kind, key) => renamedTo.get(resourceId(target, kind, key)) ?? key,
    idOf(kind, key, idField) {
      const action = actionById.get(resourceId(target, kind, key));
      if (action?.op === "create") return deferred(action.id, idField);
      const found = current(kind, key)?.ids[idField];
      if (found === undefined) throw new Error(`${kind} "${key}" in target "${target}" has no ${idField}: it neither exists nor is created by this plan`);
      return found;
    },
  };
}

export function kindSpec(kind: string): KindSpec {
  const spec = findKind(kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
}

/** The plan's actions as operations: the exact calls apply will make. */
export function compilePlan(actions: Action[], live: Map<string, LiveResource[]>): Operation[] {
  const contexts = new Map<string, CompileContext>();
  return buildOperations(actions, {
    kindSpec,
    context(target) {
      let ctx = contexts.get(target);
      if (!ctx) {
        ctx = compileContext(target, live.get(target) ?? [], actions.filter((a) => a.target === target));
        contexts.set(target, ctx);
      }
      return ctx;
    },
  });
}

import type { CompileContext, KindSpec } from "../drivers/driver.js";
import { findKind } from "../drivers/registry.js";
import type { Action } from "../model/plan.js";
import { deferred, type VendorRequest } from "../model/request.js";
import { resourceId, type LiveResource } from "../model/resource.js";

/** A unit of work: one or more actions (a batch) carried by one or more calls, sent in order. */
export interface Operation {
  id: string;
  target: string;
  kind: string;
  actions: Action[];
  requests: VendorRequest[];
  /** Operations that share a lane never run at the same time (vendors with single-threaded writes). */
  lane?: string;
}

export interface OperationSource {
  kindSpec(kind: string): KindSpec;
  context(target: string): CompileContext;
}

/**
 * Compile actions into operations. Kinds that declare a batch size get their actions grouped
 * (same target, kind, op and dependency depth, so no batch waits on itself) into as few calls
 * as the size allows; every other action is its own operation.
 */
export function buildOperations(actions: Action[], source: OperationSource): Operation[] {
  const depth = dependencyDepths(actions);
  const ops: Operation[] = [];
  const groups = new Map<string, Action[]>();
  for (const action of actions) {
    const spec = source.kindSpec(action.kind);
    const size = spec.batch?.[action.op];
    if (size && size > 1 && spec.compileBatch) {
      const key = [action.target, action.kind, action.op, depth.get(action.id) ?? 0].join("\u0000");
      const group = groups.get(key) ?? [];
      group.push(action);
      groups.set(key, group);
    } else {
      ops.push(operation(spec, [action], spec.compile(action, source.context(action.target))));
    }
  }
  for (const group of groups.values()) {
    const first = group[0] as Action;
    const spec = source.kindSpec(first.kind);
    const size = spec.batch?.[first.op] ?? 1;
    for (let i = 0; i < group.length; i += size) {
      const chunk = group.slice(i, i + size);
      const requests = spec.compileBatch?.(chunk, source.context(first.target)) ?? [];
      ops.push(operation(spec, chunk, requests));
    }
  }
  return ops;
}

function operation(spec: KindSpec, actions: Action[], requests: VendorRequest[]): Operation {
  const first = actions[0] as Action;
  const id = actions.length === 1 ? first.id : `${first.target}/${first.kind}/${first.op}[${first.key}..${actions[actions.length - 1]?.key}]`;
  const op: Operation = { id, target: first.target, kind: first.kind, actions, requests };
  if (spec.serialWrites) op.lane = `${first.target}/${spec.kind}`;
  return op;
}

function dependencyDepths(actions: Action[]): Map<string, number> {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const depth = new Map<string, number>();
  // Actions arrive in dependency order (the planner sorts them), so one pass suffices.
  for (const a of actions) {
    let d = 0;
    for (const dep of a.dependsOn) if (byId.has(dep)) d = Math.max(d, (depth.get(dep) ?? 0) + 1);
    depth.set(a.id, d);
  }
  return depth;
}

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

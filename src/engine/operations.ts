import { buildOperations, compileContext, type Operation } from "../apply/compile.js";
import { placeholder, resolveRequest } from "../apply/deferred.js";
import { execute, type ExecuteOptions } from "../apply/executor.js";
import type { CompileContext, Driver } from "../drivers/driver.js";
import type { Connection } from "../http/connection.js";
import { redactHttpRequest, type Redactor } from "../http/redact.js";
import type { Plan } from "../model/plan.js";
import type { HttpRequest } from "../model/request.js";
import type { ActionResult } from "../model/result.js";
import { requireKind, shippedDrivers, type DriverLookup } from "./drivers.js";
import { fetchContext } from "./fetch.js";
import type { LiveState } from "./live.js";

/** Compile a plan's actions against the state that was read: the exact calls apply will make. */
export function operationsFor(plan: Plan, state: LiveState, lookup: DriverLookup = shippedDrivers): Operation[] {
  const contexts = new Map<string, CompileContext>();
  return buildOperations(plan.actions, {
    kindSpec: (kind) => requireKind(lookup, kind),
    context(target) {
      let ctx = contexts.get(target);
      if (!ctx) {
        ctx = compileContext(target, state.live.get(target) ?? [], plan.actions.filter((a) => a.target === target));
        contexts.set(target, ctx);
      }
      return ctx;
    },
  });
}

/** Send compiled operations through the targets' connections. */
export function executeOperations(ops: Operation[], state: LiveState, options: ExecuteOptions = {}, lookup: DriverLookup = shippedDrivers): Promise<ActionResult[]> {
  const connection = (target: string): Connection<Driver> => {
    const c = state.connections.get(target);
    if (!c) throw new Error(`no connection for target "${target}"`);
    return c;
  };
  return execute(ops, { connection, kindSpec: (kind) => requireKind(lookup, kind), fetchContext: (target) => fetchContext(connection(target)) }, options);
}

/** One operation of a dry run: a title and its requests as they would be sent. */
export interface PreparedOperation {
  title: string;
  requests: HttpRequest[];
}

/** The calls apply would make, prepared by each target's client, secrets blanked, values from earlier calls as placeholders. */
export function prepareOperations(ops: Operation[], state: LiveState, redactor: Redactor): PreparedOperation[] {
  return ops.map((op) => {
    const client = state.connections.get(op.target)?.client;
    if (!client) throw new Error(`no connection for target "${op.target}"`);
    const first = op.actions[0];
    const title = op.actions.length === 1 ? `${first?.op} ${op.id}` : `${first?.op} ${op.actions.length} × ${op.kind} in target ${op.target}`;
    return { title, requests: op.requests.map((r) => redactHttpRequest(client.prepare(resolveRequest(r, placeholder), Date.now()), redactor)) };
  });
}

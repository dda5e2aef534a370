import type { Connection } from "../http/connection.js";
import type { Driver } from "../drivers/driver.js";
import { execute, type ExecuteOptions } from "../apply/executor.js";
import type { Operation } from "../apply/compile.js";
import type { Manifests } from "../manifest/load.js";
import { UsageError } from "../model/errors.js";
import type { FetchScope, Plan } from "../model/plan.js";
import type { LiveResource } from "../model/resource.js";
import type { ActionResult } from "../model/result.js";
import type { TargetConfig } from "../model/target.js";
import { compilePlan, kindSpec } from "../apply/compile.js";
import { connectTargets, type ConnectOptions } from "./connections.js";
import { fetchContext, fetchLive, scopeFor } from "./fetch.js";
import { makePlan, type PlanOutcome } from "./plan.js";

export interface Selection {
  target?: string[];
  kind?: string[];
}

/** Connections to the targets in play and what was read through them. */
export interface LiveState {
  connections: Map<string, Connection<Driver>>;
  live: Map<string, LiveResource[]>;
  scope: Map<string, FetchScope[]>;
  /** Tenant facts the drivers noted while reading, per target (for plan-time checks). */
  facts: Map<string, Map<string, unknown>>;
}

/** The (target, kind) pairs to work on, narrowed by a selection. */
export function selectScope(manifests: Manifests, selection: Selection = {}): { target: string; kind: string }[] {
  const targets = new Set(manifests.targets.map((t) => t.name));
  for (const t of selection.target ?? []) if (!targets.has(t)) throw new UsageError(`--target ${t}: no such target in the manifests`);
  const kinds = new Set(manifests.scope.map((s) => s.kind));
  for (const k of selection.kind ?? []) if (!kinds.has(k)) throw new UsageError(`--kind ${k}: no manifest uses this kind`);
  return manifests.scope.filter(
    (s) => (!selection.target?.length || selection.target.includes(s.target)) && (!selection.kind?.length || selection.kind.includes(s.kind)),
  );
}

/** Connect to the targets the scope names and read their live state. */
export async function readLive(targets: TargetConfig[], scope: Map<string, FetchScope[]>, options: ConnectOptions = {}): Promise<LiveState> {
  const connections = connectTargets(
    targets.filter((t) => scope.has(t.name)),
    options,
  );
  const facts = new Map<string, Map<string, unknown>>();
  const live = await fetchLive(connections, scope, facts);
  return { connections, live, scope, facts };
}

export interface PlanSession extends PlanOutcome {
  manifests: Manifests;
  state: LiveState;
}

/** Load manifests, read live state, plan: everything `orgform plan` does before printing. */
export async function planFromManifests(
  manifests: Manifests,
  selection: Selection = {},
  options: ConnectOptions = {},
): Promise<PlanSession> {
  const scope = scopeFor(selectScope(manifests, selection), manifests.desired);
  const state = await readLive(manifests.targets, scope, options);
  return { manifests, state, ...makePlan(manifests, state.live, state.scope, state.facts) };
}

/** Compile a plan's actions against the state that was read. */
export function operationsFor(plan: Plan, state: LiveState): Operation[] {
  return compilePlan(plan.actions, state.live);
}

/** Run compiled operations through the targets' connections. */
export function applyOperations(ops: Operation[], state: LiveState, options: ExecuteOptions = {}): Promise<ActionResult[]> {
  const connection = (target: string): Connection<Driver> => {
    const c = state.connections.get(target);
    if (!c) throw new Error(`no connection for target "${target}"`);
    return c;
  };
  return execute(ops, { connection, kindSpec, fetchContext: (target) => fetchContext(connection(target)) }, options);
}

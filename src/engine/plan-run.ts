import { loadManifests, type Manifests } from "../manifest/load.js";
import type { ConnectOptions } from "./connections.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";
import { makePlan, type PlannedChanges } from "./build-plan.js";
import { scopeFor } from "./fetch.js";
import { readLive, type LiveState } from "./live.js";
import { settleNarrowing } from "./narrowing.js";
import { recordedSelection, relatedPairs, selectScope, type Selection } from "./scope.js";

export interface PlanRequest {
  /** Manifest files or folders to load (default: the current folder)… */
  paths?: string[];
  /** …or manifests already loaded. */
  manifests?: Manifests;
  /** Where `${VAR}` references are resolved (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** `--target` / `--kind` narrowing. */
  selection?: Selection;
  /** Drivers to use (default: the ones orgform ships). */
  drivers?: DriverLookup;
  /** Transport settings: sender, retry policy, redactor, call observer. */
  connect?: ConnectOptions;
}

/** A plan made from manifests and live state read just now, with what it was made from. */
export interface PlanRun extends PlannedChanges {
  manifests: Manifests;
  state: LiveState;
  /** Pairs a narrowed selection had to include, one line each with the reason. */
  widened: string[];
  /** The drivers the run was made with (apply compiles and sends through the same). */
  drivers: DriverLookup;
}

const made = new WeakSet<PlanRun>();

/**
 * Load (or take) manifests, select the scope, read live state, run the drivers' checks and
 * plan. Problems are returned, not thrown: a run with problems is refused by `applyRun`.
 */
export async function planRun(request: PlanRequest = {}): Promise<PlanRun> {
  const lookup = request.drivers ?? shippedDrivers;
  const manifests = request.manifests ?? loadManifests(request.paths ?? ["."], { env: request.env ?? process.env });
  for (const t of manifests.targets) request.connect?.redactor?.add(...Object.values(t.credentials));
  const selected = selectScope(manifests, request.selection);
  const narrowed = selected.length < manifests.scope.length;
  const read = narrowed ? relatedPairs(selected, manifests.scope, lookup.kinds()) : selected;
  const state = await readLive(manifests.targets, scopeFor(read, manifests.desired, lookup), request.connect, lookup);
  const settled = read.length > selected.length ? settleNarrowing(manifests, state, selected, read, lookup) : { pairs: selected, widened: [] };
  state.scope = scopeFor(settled.pairs, manifests.desired, lookup);
  const planned = makePlan(manifests, state.live, state.scope, state.facts, lookup, recordedSelection(request.selection));
  const run: PlanRun = { ...planned, manifests, state, widened: settled.widened, drivers: lookup };
  deepFreeze(run.plan);
  Object.freeze(run.problems);
  made.add(run);
  return run;
}

/** Whether this run came from `planRun` (and its plan is therefore the one computed). */
export function isPlanRun(value: PlanRun): boolean {
  return made.has(value);
}

/**
 * Freeze the plan so that what apply runs is what was planned and shown. Values behind a getter
 * (a target's fingerprint, worked out on first read) are left unread: they are computed, not
 * stored, and cannot be changed.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const d of Object.values(Object.getOwnPropertyDescriptors(value))) if ("value" in d) deepFreeze(d.value);
}

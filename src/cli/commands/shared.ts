import type { Connection } from "../../apply/connection.js";
import { connectTargets } from "../../engine/connections.js";
import { fetchLive, scopeFor } from "../../engine/fetch.js";
import { loadManifests, type Manifests } from "../../manifest/load.js";
import { UsageError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import type { TargetConfig } from "../../model/target.js";
import type { Io } from "../io.js";
import { Progress } from "../progress.js";

export interface Selection {
  target?: string[];
  kind?: string[];
}

export interface LiveState {
  connections: Map<string, Connection>;
  live: Map<string, LiveResource[]>;
  scope: Map<string, FetchScope[]>;
}

/** Load manifests and keep the secrets they resolved away from every output. */
export function load(paths: string[], io: Io): Manifests {
  const manifests = loadManifests(paths, { env: io.env });
  for (const t of manifests.targets) io.redactor.add(...Object.values(t.credentials));
  return manifests;
}

/** The (target, kind) pairs to work on, narrowed by --target and --kind. */
export function selectScope(manifests: Manifests, selection: Selection): { target: string; kind: string }[] {
  const targets = new Set(manifests.targets.map((t) => t.name));
  for (const t of selection.target ?? []) if (!targets.has(t)) throw new UsageError(`--target ${t}: no such target in the manifests`);
  const kinds = new Set(manifests.scope.map((s) => s.kind));
  for (const k of selection.kind ?? []) if (!kinds.has(k)) throw new UsageError(`--kind ${k}: no manifest uses this kind`);
  return manifests.scope.filter(
    (s) => (!selection.target?.length || selection.target.includes(s.target)) && (!selection.kind?.length || selection.kind.includes(s.kind)),
  );
}

/** Connect to the targets and read their live state, with progress on stderr. */
export async function readLive(targets: TargetConfig[], scope: Map<string, FetchScope[]>, io: Io): Promise<LiveState> {
  const progress = new Progress(io, "reading live state (calls)");
  const connections = connectTargets(
    targets.filter((t) => scope.has(t.name)),
    { redactor: io.redactor, observe: () => progress.tick() },
  );
  try {
    const live = await fetchLive(connections, scope);
    return { connections, live, scope };
  } finally {
    progress.finish();
  }
}

export async function loadAndRead(paths: string[], selection: Selection, io: Io): Promise<{ manifests: Manifests } & LiveState> {
  const manifests = load(paths, io);
  const pairs = selectScope(manifests, selection);
  const scope = scopeFor(pairs, manifests.desired);
  const state = await readLive(manifests.targets, scope, io);
  return { manifests, ...state };
}

import { readLive as readLiveState, type LiveState } from "../../engine/session.js";
import { loadManifests, type Manifests } from "../../manifest/load.js";
import { skippedNotes } from "../../manifest/read.js";
import type { FetchScope } from "../../model/plan.js";
import type { TargetConfig } from "../../model/target.js";
import type { Io } from "../io.js";
import { Progress } from "../progress.js";

export type { LiveState, Selection } from "../../engine/session.js";

/** Load manifests and keep the secrets they resolved away from every output. */
export function load(paths: string[], io: Io): Manifests {
  const manifests = loadManifests(paths, { env: io.env });
  for (const note of skippedNotes(manifests.skipped)) io.err(`${note}\n`);
  for (const t of manifests.targets) {
    io.redactor.add(...Object.values(t.credentials));
    io.redactor.addUrl(t.endpoint);
  }
  return manifests;
}

/** Connect to the targets and read their live state, with progress on stderr. */
export async function readLive(targets: TargetConfig[], scope: Map<string, FetchScope[]>, io: Io): Promise<LiveState> {
  const progress = new Progress(io, "reading live state (calls)");
  try {
    return await readLiveState(targets, scope, { redactor: io.redactor, observe: () => progress.tick() });
  } finally {
    progress.finish();
  }
}

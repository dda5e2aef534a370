import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ConnectOptions } from "../../engine/connections.js";
import { loadManifests, type Manifests } from "../../manifest/load.js";
import { UsageError } from "../../model/errors.js";
import { skippedNotes } from "../../manifest/read.js";
import type { Io } from "../io.js";
import { Progress } from "../progress.js";

export type { Selection } from "../../engine/scope.js";

/**
 * Load manifests and keep the secrets they resolved away from every output. Commands that
 * call no vendor pass `unsetVariables: "record"`, so an unset `${VAR}` is not an error there.
 * Files under the paths that are not read are listed on stderr with the reason.
 */
export function load(paths: string[], io: Io, unsetVariables: "error" | "record" = "error"): Manifests {
  const manifests = loadManifests(paths, { env: io.env, unsetVariables });
  for (const note of skippedNotes(manifests.skipped)) io.err(`${note}\n`);
  for (const t of manifests.targets) {
    io.redactor.add(...Object.values(t.credentials));
    io.redactor.addUrl(t.endpoint);
  }
  return manifests;
}

/**
 * Transport settings for a command that reads live state: the command's redactor, and a
 * progress line on stderr that `done()` closes.
 */
export function reading(io: Io): { connect: ConnectOptions; done(): void } {
  const progress = new Progress(io, "reading live state (calls)");
  return { connect: { redactor: io.redactor, observe: () => progress.tick(), httpLog: io.httpLog, env: io.env }, done: () => progress.finish() };
}

/**
 * Refuse an output path that cannot be written, before anything is read or sent: a folder
 * that does not exist, a path naming a folder, a folder without write permission.
 */
export function checkOutputPath(flag: string, file: string | undefined): void {
  if (file === undefined) return;
  const full = resolve(file);
  const folder = dirname(full);
  const kind = (path: string) => {
    try {
      return statSync(path).isDirectory() ? "folder" : "file";
    } catch {
      return "missing";
    }
  };
  if (kind(folder) !== "folder") throw new UsageError(`${flag} ${file}: the folder ${folder} does not exist`);
  if (kind(full) === "folder") throw new UsageError(`${flag} ${file}: this is a folder; name a file`);
  try {
    accessSync(kind(full) === "file" ? full : folder, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${file}: cannot be written (no permission)`);
  }
}

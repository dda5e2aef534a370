import { describeError } from "../../src/cli/errors.js";
import { loadManifests } from "../../src/manifest/load.js";
import { skippedNotes } from "../../src/manifest/read.js";
import { ROOT, type CliRun } from "../helpers/orgform.js";

/**
 * What `orgform validate` (and the manifest stage of plan and apply, which load the same way
 * before any vendor call) prints and exits with, computed in-process: the same loader and the
 * same error boundary as the binary, without the cost of a process.
 */
export function loadLikeCli(paths: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliRun {
  try {
    const m = loadManifests(paths, { env: options.env ?? {}, cwd: options.cwd ?? ROOT });
    const notes = skippedNotes(m.skipped).map((n) => `${n}\n`).join("");
    return { code: 0, stdout: `Valid: ${m.files.length} files, ${m.targets.length} targets, ${m.desired.length} resources.\n`, stderr: notes };
  } catch (err) {
    const { text, exitCode } = describeError(err);
    return { code: exitCode, stdout: "", stderr: text };
  }
}

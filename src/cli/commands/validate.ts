import type { Io } from "../io.js";
import { load } from "./shared.js";

/** Check manifests without calling any vendor and without needing any secret. */
export function validateCommand(paths: string[], io: Io): number {
  const m = load(paths, io, "record");
  const kinds = new Set(m.desired.map((d) => d.kind)).size;
  io.out(
    `Valid: ${m.files.length} file${m.files.length === 1 ? "" : "s"}, ${m.targets.length} target${m.targets.length === 1 ? "" : "s"}, ` +
      `${m.desired.length} resource${m.desired.length === 1 ? "" : "s"} of ${kinds} kind${kinds === 1 ? "" : "s"}.\n`,
  );
  const unset = [...new Set(m.targets.flatMap((t) => t.missingVariables ?? []))].sort();
  if (unset.length) io.err(`Note: not set here, needed by plan, apply, import and doctor: ${unset.join(", ")}.\n`);
  return 0;
}

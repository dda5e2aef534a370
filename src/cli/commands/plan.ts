import { writePlanFile } from "../../engine/plan-file.js";
import { planRun } from "../../engine/plan-run.js";
import { ManifestError } from "../../model/errors.js";
import { kindModels } from "../../drivers/registry.js";
import { rendererFor } from "../../render/index.js";
import { batched, jsonPieces } from "../../render/json.js";
import type { Io } from "../io.js";
import { checkOutputPath, load, reading, type Selection } from "./shared.js";

export interface PlanOptions extends Selection {
  out?: string;
  format?: string;
  detailedExitcode?: boolean;
  summary?: boolean;
}

/** Read live state, diff it against the manifests, print the plan. */
export async function planCommand(paths: string[], options: PlanOptions, io: Io): Promise<number> {
  const render = rendererFor(options.format);
  checkOutputPath("--out", options.out);
  const manifests = load(paths, io);
  const { connect, done } = reading(io);
  const run = await planRun({ manifests, selection: options, connect }).finally(done);
  for (const line of run.widened) io.err(`Note: ${line}.\n`);
  if (run.problems.length) throw new ManifestError([...run.problems]);
  if (options.format === "json" && !options.summary) for (const chunk of batched(jsonPieces(run.plan))) io.out(chunk);
  else io.out(render(run.plan, { style: io.style, kinds: kindModels(), summary: options.summary, planFile: options.out }));
  if (options.out) {
    writePlanFile(options.out, run.plan);
    io.err(`Plan written to ${options.out}.\n`);
  }
  return options.detailedExitcode && run.plan.actions.length > 0 ? 2 : 0;
}

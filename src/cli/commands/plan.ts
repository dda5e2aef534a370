import { writePlanFile } from "../../engine/plan-file.js";
import { makePlan } from "../../engine/plan.js";
import { scopeFor } from "../../engine/fetch.js";
import { selectScope } from "../../engine/session.js";
import { ManifestError } from "../../model/errors.js";
import { kindModels } from "../../drivers/registry.js";
import { rendererFor } from "../../render/index.js";
import type { Io } from "../io.js";
import { load, readLive, type Selection } from "./shared.js";

export interface PlanOptions extends Selection {
  out?: string;
  format?: string;
  detailedExitcode?: boolean;
  summary?: boolean;
}

/** Read live state, diff it against the manifests, print the plan. */
export async function planCommand(paths: string[], options: PlanOptions, io: Io): Promise<number> {
  const render = rendererFor(options.format);
  const manifests = load(paths, io);
  const state = await readLive(manifests.targets, scopeFor(selectScope(manifests, options), manifests.desired), io);
  const { plan, problems } = makePlan(manifests, state.live, state.scope, state.facts);
  if (problems.length) throw new ManifestError(problems);
  io.out(render(plan, { style: io.style, kinds: kindModels(), summary: options.summary, planFile: options.out }));
  if (options.out) {
    writePlanFile(options.out, plan);
    io.err(`Plan written to ${options.out}.\n`);
  }
  return options.detailedExitcode && plan.actions.length > 0 ? 2 : 0;
}

import { writePlanFile } from "../../engine/plan-file.js";
import { makePlan } from "../../engine/plan.js";
import { scopeFor } from "../../engine/fetch.js";
import { selectScope } from "../../engine/session.js";
import { ManifestError, UsageError } from "../../model/errors.js";
import type { Plan } from "../../model/plan.js";
import { renderJson } from "../../render/json.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderText } from "../../render/text.js";
import type { Style } from "../../render/style.js";
import type { Io } from "../io.js";
import { load, readLive, type Selection } from "./shared.js";

export type PlanFormat = "text" | "json" | "markdown";

export interface PlanOptions extends Selection {
  out?: string;
  format?: string;
  detailedExitcode?: boolean;
}

const RENDERERS: Record<PlanFormat, (plan: Plan, style: Style) => string> = {
  text: renderText,
  json: (plan) => renderJson(plan),
  markdown: (plan) => renderMarkdown(plan),
};

export function rendererFor(format: string | undefined): (plan: Plan, style: Style) => string {
  const name = (format ?? "text") as PlanFormat;
  const renderer = RENDERERS[name];
  if (!renderer) throw new UsageError(`--format ${format}: use one of ${Object.keys(RENDERERS).join(", ")}`);
  return renderer;
}

/** Read live state, diff it against the manifests, print the plan. */
export async function planCommand(paths: string[], options: PlanOptions, io: Io): Promise<number> {
  const render = rendererFor(options.format);
  const manifests = load(paths, io);
  const state = await readLive(manifests.targets, scopeFor(selectScope(manifests, options), manifests.desired), io);
  const { plan, problems } = makePlan(manifests, state.live, state.scope, state.facts);
  if (problems.length) throw new ManifestError(problems);
  io.out(render(plan, io.style));
  if (options.out) {
    writePlanFile(options.out, plan);
    io.err(`Plan written to ${options.out}.\n`);
  }
  return options.detailedExitcode && plan.actions.length > 0 ? 2 : 0;
}

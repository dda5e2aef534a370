import { writePlanFile } from "../../engine/plan-file.js";
import { planRun } from "../../engine/plan-run.js";
import { ManifestError, UsageError } from "../../model/errors.js";
import type { Plan } from "../../model/plan.js";
import { renderJson } from "../../render/json.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderText } from "../../render/text.js";
import type { Style } from "../../render/style.js";
import type { Io } from "../io.js";
import { checkOutputPath, load, reading, type Selection } from "./shared.js";

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
  checkOutputPath("--out", options.out);
  const manifests = load(paths, io);
  const { connect, done } = reading(io);
  const run = await planRun({ manifests, selection: options, connect }).finally(done);
  for (const line of run.widened) io.err(`Note: ${line}.\n`);
  if (run.problems.length) throw new ManifestError([...run.problems]);
  io.out(render(run.plan, io.style));
  if (options.out) {
    writePlanFile(options.out, run.plan);
    io.err(`Plan written to ${options.out}.\n`);
  }
  return options.detailedExitcode && run.plan.actions.length > 0 ? 2 : 0;
}

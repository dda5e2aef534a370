import { UsageError } from "../model/errors.js";
import type { KindModel } from "../model/kind.js";
import type { Plan } from "../model/plan.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { plainStyle, type Style } from "./style.js";
import { renderJsonSummary, renderTextSummary } from "./summary.js";
import { renderText } from "./text.js";

export type PlanFormat = "text" | "json" | "markdown";
export const PLAN_FORMATS: readonly PlanFormat[] = ["text", "json", "markdown"];

export interface PlanRenderOptions {
  style?: Style;
  /** The kind models: text and markdown mask the fields they declare sensitive. JSON keeps every value. */
  kinds?: ReadonlyMap<string, KindModel>;
  /** Counts per target and kind instead of every change. */
  summary?: boolean;
  /** The JSON plan file the reader can turn to, named where markdown is cut. */
  planFile?: string;
}

export type PlanRenderer = (plan: Plan, options?: PlanRenderOptions) => string;

const RENDERERS: Record<PlanFormat, PlanRenderer> = {
  text: (plan, o = {}) => (o.summary ? renderTextSummary(plan, o.style) : renderText(plan, o.style ?? plainStyle, { kinds: o.kinds })),
  json: (plan, o = {}) => (o.summary ? renderJsonSummary(plan) : renderJson(plan)),
  markdown: (plan, o = {}) => renderMarkdown(plan, { kinds: o.kinds, summary: o.summary, planFile: o.planFile }),
};

/** The renderer for `--format`, or a usage error naming the formats there are. */
export function rendererFor(format: string | undefined): PlanRenderer {
  const name = format ?? "text";
  if (!(PLAN_FORMATS as readonly string[]).includes(name)) throw new UsageError(`--format ${format}: use one of ${PLAN_FORMATS.join(", ")}`);
  return RENDERERS[name as PlanFormat];
}

import { kindModels } from "../../drivers/registry.js";
import { readPlanFile } from "../../engine/plan-file.js";
import { rendererFor } from "../../render/index.js";
import type { Io } from "../io.js";

export interface ShowOptions {
  format?: string;
  summary?: boolean;
}

/** Render a saved plan file as text, JSON or markdown; reads no live state and calls no vendor. */
export function showCommand(file: string, options: ShowOptions, io: Io): number {
  const render = rendererFor(options.format);
  const plan = readPlanFile(file);
  io.out(render(plan, { style: io.style, kinds: kindModels(), summary: options.summary, planFile: file }));
  return 0;
}

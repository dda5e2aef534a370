import type { Plan } from "../model/plan.js";

/** The plan file format (schemas/plan.schema.json). */
export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

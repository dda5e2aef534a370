import { writeFileSync } from "node:fs";
import { countResults, type ActionResult, type ResultFile } from "../model/result.js";

/** Write the outcome of an apply as JSON (for CI artifacts); `redact` scrubs secrets from text. */
export function writeResultFile(
  file: string,
  outcome: ResultFile["outcome"],
  results: ActionResult[],
  redact: (text: string) => string,
  message?: string,
): void {
  const body: ResultFile = { formatVersion: 1, outcome, counts: countResults(results), results };
  if (message !== undefined) body.message = message;
  writeFileSync(file, redact(`${JSON.stringify(body, null, 2)}\n`));
}

import { writeFileSync } from "node:fs";
import { countResults, type ActionResult, type ResultFile, type RunVerdict } from "../model/result.js";

/** Write how an apply ended as JSON (for CI artifacts); `redact` scrubs secrets from text. */
export function writeResultFile(
  file: string,
  verdict: RunVerdict,
  results: ActionResult[],
  redact: (text: string) => string,
  message?: string,
): void {
  const body: ResultFile = { formatVersion: 1, outcome: verdict, counts: countResults(results), results };
  if (message !== undefined) body.message = message;
  writeFileSync(file, redact(`${JSON.stringify(body, null, 2)}\n`));
}

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { formatPath, pointerToPath } from "../manifest/diagnose.js";
import { validatorFor } from "../manifest/schemas.js";

export type EmulatorState = Record<string, unknown>;

/** Check a state value against `schemas/emulator-state.schema.json`; throws with every problem. */
export function validateState(state: unknown, origin: string): EmulatorState {
  const fn = validatorFor("emulator-state.schema.json");
  if (!fn(state)) {
    const lines = (fn.errors ?? []).map((e) => {
      const extra = e.keyword === "additionalProperties" ? `.${String((e.params as { additionalProperty: string }).additionalProperty)}` : "";
      return `${origin}: ${formatPath(pointerToPath(e.instancePath))}${extra}: ${e.message ?? "is invalid"}`;
    });
    throw new Error(`invalid emulator state:\n${lines.join("\n")}`);
  }
  return state as EmulatorState;
}

/** Read a YAML or JSON state file. */
export function readStateFile(file: string): EmulatorState {
  const text = readFileSync(file, "utf8");
  const value = file.endsWith(".json") ? (JSON.parse(text) as unknown) : (parse(text) as unknown);
  return validateState(value ?? {}, file);
}

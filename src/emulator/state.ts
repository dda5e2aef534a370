import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { formatPath, pointerToPath } from "../manifest/diagnose.js";
import { validatorFor } from "../manifest/schemas.js";
import { UsageError } from "../model/errors.js";

export type EmulatorState = Record<string, unknown>;

/** Check a state value against `schemas/emulator-state.schema.json`; throws with every problem. */
export function validateState(state: unknown, origin: string): EmulatorState {
  const fn = validatorFor("emulator-state.schema.json");
  if (!fn(state)) {
    const lines = (fn.errors ?? []).map((e) => {
      const extra = e.keyword === "additionalProperties" ? `.${String((e.params as { additionalProperty: string }).additionalProperty)}` : "";
      return `${origin}: ${formatPath(pointerToPath(e.instancePath))}${extra}: ${e.message ?? "is invalid"}`;
    });
    throw new UsageError(`invalid emulator state:\n${lines.join("\n")}`);
  }
  return state as EmulatorState;
}

/** Read a YAML or JSON state file. */
export function readStateFile(file: string): EmulatorState {
  let value: unknown;
  try {
    const text = readFileSync(file, "utf8");
    value = file.endsWith(".json") ? JSON.parse(text) : parse(text);
  } catch (err) {
    throw new UsageError(`${file}: cannot read the emulator state (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
  }
  return validateState(value ?? {}, file);
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./orgform.js";

/** Where a driver's example manifests and emulator state live. */
export function exampleOf(driver: string): { dir: string; state: string } {
  const dir = driver === "dingtalk" ? "examples/quickstart" : `examples/${driver}`;
  const state = driver === "dingtalk" ? "examples/emulator/quickstart.yaml" : `examples/emulator/${driver}.yaml`;
  return { dir: join(ROOT, dir), state: join(ROOT, state) };
}

/** The example's `demo.env` (KEY=VALUE lines), plus `<DRIVER>_ENDPOINT` pointing at an emulator. */
export function exampleEnv(driver: string, emulatorUrl: string): Record<string, string> {
  const file = join(exampleOf(driver).dir, "demo.env");
  const env: Record<string, string> = { [`${driver.toUpperCase()}_ENDPOINT`]: `${emulatorUrl}/${driver}` };
  if (!existsSync(file)) return env;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) env[m[1]] = m[2];
  }
  return env;
}

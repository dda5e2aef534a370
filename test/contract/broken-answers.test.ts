import { afterEach, describe, expect, it } from "vitest";
import { drivers } from "../../src/drivers/registry.js";
import { readStateFile } from "../../src/emulator/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { emulatorWith, runCli, type TestEmulator } from "../helpers/orgform.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const cases = drivers.flatMap((d) => (["corrupt", "empty"] as const).map((kind) => [d.name, kind] as const));

describe("a broken vendor answer", () => {
  it.each(cases)("%s, %s: is reported as a vendor error, never a crash", async (driver, kind) => {
    emulator = await emulatorWith(readStateFile(exampleOf(driver).state));
    await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: [kind] }) });

    const run = await runCli(["plan", exampleOf(driver).dir], { env: exampleEnv(driver, emulator.url) });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^Error: ${driver}( error [^:]+)?: `, "m"));
    expect(run.stderr).not.toContain("This is a bug");
    expect(run.stderr).not.toMatch(/TypeError|Cannot read properties/);
  });
});

import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { runCli, useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();

/** Every driver's reading of broken answers is in test/contract; this is what the binary prints. */
describe("orgform plan meeting a broken vendor answer", () => {
  it("prints it as a vendor error with exit code 1, never as a crash", async () => {
    const emulator = await emulators.start(readStateFile(exampleOf("isdp").state));
    await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: ["corrupt"] }) });

    const run = await runCli(["plan", exampleOf("isdp").dir], { env: exampleEnv("isdp", emulator.url) });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: isdp( error [^:]+)?: /m);
    expect(run.stderr).not.toContain("This is a bug");
    expect(run.stderr).not.toMatch(/TypeError|Cannot read properties/);
  });
});

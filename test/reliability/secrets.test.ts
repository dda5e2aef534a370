import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { drivers, findDriver } from "../../src/drivers/registry.js";
import { readStateFile } from "../../src/emulator/state.js";
import { referencedVariable } from "../../src/manifest/interpolate.js";
import { loadManifests } from "../../src/manifest/load.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { emulatorWith, runCli, type CliRun, type TestEmulator } from "../helpers/orgform.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The values of the example's secret credentials (as the example's demo.env sets them). */
function secretsOf(driver: string, env: Record<string, string>): string[] {
  const target = loadManifests([exampleOf(driver).dir], { env }).targets[0];
  const spec = findDriver(driver)?.credentials.secrets ?? [];
  return Object.entries(target?.credentialRefs ?? {})
    .filter(([field]) => spec.includes(field))
    .map(([, ref]) => env[referencedVariable(ref) ?? ""] ?? "")
    .filter((v) => v.length > 0);
}

describe.each(drivers.map((d) => d.name))("%s: secrets never leak", (driver) => {
  it("from validate, plan in every format, dry run, apply, an auth failure and a vendor error", async () => {
    emulator = await emulatorWith(readStateFile(exampleOf(driver).state));
    const env = exampleEnv(driver, emulator.url);
    const secrets = secretsOf(driver, env);
    expect(secrets.length).toBeGreaterThan(0);
    const { dir } = exampleOf(driver);
    const out = mkdtempSync(join(tmpdir(), "orgform-secrets-"));
    const wrong = Object.fromEntries(Object.keys(env).filter((k) => !k.endsWith("_ENDPOINT")).map((k) => [k, `WRONG-${k}-a8f1c2`]));

    const runs: CliRun[] = [];
    runs.push(await runCli(["validate", dir], { env }));
    for (const format of ["text", "json", "markdown"]) runs.push(await runCli(["plan", dir, "--format", format, "--out", join(out, `plan-${format}.json`)], { env }));
    runs.push(await runCli(["apply", dir, "--dry-run"], { env }));
    runs.push(await runCli(["apply", "--plan", join(out, "plan-text.json"), dir, "--result", join(out, "result.json")], { env }));
    runs.push(await runCli(["plan", dir], { env: { ...env, ...wrong } }));
    await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: ["corrupt"] }) });
    runs.push(await runCli(["apply", dir, "--auto-approve", "--result", join(out, "failed.json")], { env }));

    const files = ["plan-text.json", "plan-json.json", "plan-markdown.json", "result.json", "failed.json"].map((f) => join(out, f)).filter(existsSync);
    const everything = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...files.map((f) => readFileSync(f, "utf8"))].join("\n");
    for (const secret of [...secrets, ...Object.values(wrong)]) expect(everything).not.toContain(secret);
    expect(runs[runs.length - 2]?.code).toBe(1); // the wrong credentials were refused
    expect(files.length).toBe(5);
  });
});

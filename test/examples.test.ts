import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { drivers } from "../src/drivers/registry.js";
import { readStateFile } from "../src/emulator/state.js";
import { loadManifests } from "../src/manifest/load.js";
import { positionParseCount } from "../src/manifest/yaml.js";
import { exampleEnv, exampleOf } from "./helpers/examples.js";
import { emulatorWith, planDir, runCli, type TestEmulator } from "./helpers/orgform.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const names = drivers.map((d) => d.name);

describe("examples", () => {
  it.each(names)("%s: the example manifests are valid", (driver) => {
    const m = loadManifests([exampleOf(driver).dir], { env: exampleEnv(driver, "http://127.0.0.1:1") });

    expect(m.targets.map((t) => t.driver)).toEqual([driver]);
    expect(m.desired.length).toBeGreaterThan(0);
  });

  it.each(names)("%s: the example's emulator state is valid and the example plans against it", async (driver) => {
    emulator = await emulatorWith(readStateFile(exampleOf(driver).state));
    const parsesBefore = positionParseCount();

    const session = await planDir(exampleOf(driver).dir, exampleEnv(driver, emulator.url));

    expect(session.problems).toEqual([]);
    // Valid manifests are read once, by the fast parser: no position was looked up.
    expect(positionParseCount()).toBe(parsesBefore);
  });

  it.each(names)("%s: import, then plan against the same tenant, gives no changes", async (driver) => {
    emulator = await emulatorWith(readStateFile(exampleOf(driver).state));
    const env = exampleEnv(driver, emulator.url);
    const { dir } = exampleOf(driver);
    const target = readdirSync(dir).find((f) => f.startsWith("target"));
    const targetName = loadManifests([dir], { env }).targets[0]?.name ?? "";
    const out = mkdtempSync(join(tmpdir(), "orgform-import-"));

    const imported = await runCli(["import", dir, "--target", targetName, "--out", out], { env });
    copyFileSync(join(dir, target ?? "target.yaml"), join(out, "target.yaml"));
    const replanned = await runCli(["plan", out, "--detailed-exitcode"], { env });

    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toMatch(/Wrote .*\.yaml \(\d+ objects\)/);
    expect(replanned.stderr).not.toMatch(/Error|problem/);
    expect(replanned).toMatchObject({ code: 0, stdout: "No changes. The live state matches the manifests.\n" });
  });
});

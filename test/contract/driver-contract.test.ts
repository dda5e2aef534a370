import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importedManifest, importFileName, readForImport } from "../../src/engine/import.js";
import { loadManifests } from "../../src/manifest/load.js";
import { DriverError } from "../../src/model/errors.js";
import { applyDir, applySession, FAST_RETRY, planDir, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { SCENARIOS } from "./scenarios/all.js";
import type { Scenario } from "./scenarios/scenario.js";

/**
 * What every driver must do the same way, run against each driver's emulator with the small
 * tenant of the driver's scenario.
 */
async function setFaults(emulator: TestEmulator, config: unknown): Promise<void> {
  await fetch(`${emulator.url}/_emulator/faults`, { method: config ? "PUT" : "DELETE", body: config ? JSON.stringify(config) : undefined });
}

/** Write what `orgform import` writes for the scenario's target, beside a copy of its target file. */
async function importInto(small: Scenario["small"], dir: string): Promise<string> {
  const manifests = loadManifests([dir], { env: small.env });
  const target = manifests.targets[0]?.name ?? "";
  const read = await readForImport(manifests, target, [], { retry: FAST_RETRY });
  const out = mkdtempSync(join(tmpdir(), "orgform-import-"));
  for (const spec of read.kinds) writeFileSync(join(out, importFileName(read.target, spec.kind)), importedManifest(read.target, spec, read.live, out));
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), "utf8");
    if (/^kind: Target$/m.test(text)) writeFileSync(join(out, file), text);
  }
  return out;
}

describe.each(SCENARIOS.map((s) => [s.driver, s] as const))("driver contract: %s", (driver, scenario) => {
  const emulators = useEmulator();
  const { small } = scenario;
  const start = () => emulators.start(structuredClone(small.state));

  it("refuses a wrong secret as an auth failure with the vendor's code, never printing the secret", async () => {
    const emulator = await start();
    const wrong = `not-the-secret-${driver}-5e1d`;
    const env = { ...small.env, [scenario.wrongSecret.variable]: wrong };

    const failure = await planDir(small.manifests(emulator.url), env).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(DriverError);
    const { code, message } = scenario.wrongSecret;
    expect(failure).toMatchObject({ vendor: driver, failure: "auth", code, ...(message === undefined ? {} : { vendorMessage: message }) });
    const printed = `${String((failure as Error).message)} ${JSON.stringify(failure)} ${JSON.stringify(emulator.calls())}`;
    expect(printed).not.toContain(wrong);
    expect(printed).not.toContain(small.env[scenario.wrongSecret.variable]);
  });

  it("applies, then plans no changes; importing the tenant then plans no changes either", async () => {
    const emulator = await start();
    const dir = small.manifests(emulator.url);

    const { session, results } = await applyDir(dir, small.env);

    expect(session.plan.actions.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status !== "done")).toEqual([]);
    expect((await planDir(dir, small.env)).plan.actions).toEqual([]);
    const imported = await importInto(small, dir);
    expect((await planDir(imported, small.env)).plan.actions).toEqual([]);
  });

  it(scenario.token ? "asks for one new token when a call meets a lapsed one, and repeats the refused calls" : "sends its fixed key again after the emulator expires tokens", async () => {
    const emulator = await start();
    const dir = small.manifests(emulator.url);
    const session = await planDir(dir, small.env);
    await fetch(`${emulator.url}/_emulator/tokens`, { method: "DELETE" });
    emulator.clearCalls();

    const results = await applySession(session);

    expect(results.filter((r) => r.status !== "done")).toEqual([]);
    const calls = emulator.calls(driver);
    const tokenCalls = calls.filter((c) => c.path === scenario.token?.path);
    expect(tokenCalls).toHaveLength(scenario.token ? 1 : 0);
    if (scenario.token) {
      const at = calls.indexOf(tokenCalls[0]!);
      const refused = calls.slice(0, at);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.map((c) => c.code)).toEqual(refused.map(() => scenario.token?.lapsedCode));
      expect(calls.slice(at + 1).map((c) => c.path)).toEqual(expect.arrayContaining(refused.map((c) => c.path)));
    }
    expect((await planDir(dir, small.env)).plan.actions).toEqual([]);
  });

  it.runIf(scenario.rateLimits)("retries rate-limit answers until the apply succeeds", async () => {
    const emulator = await start();
    const dir = small.manifests(emulator.url);
    await setFaults(emulator, { probability: 0.5, seed: 5, kinds: ["ratelimit"], vendors: [driver] });

    // Enough attempts that half of all answers being "rate limited" cannot exhaust them.
    const { results } = await applyDir(dir, small.env, { ...FAST_RETRY, attempts: 12 });

    expect(emulator.calls(driver).some((c) => c.code === "fault:ratelimit")).toBe(true);
    expect(results.filter((r) => r.status !== "done")).toEqual([]);
    await setFaults(emulator, undefined);
    expect((await planDir(dir, small.env)).plan.actions).toEqual([]);
  });

  it.each(["corrupt", "empty"])("reports a %s answer as an error naming the vendor, never a crash", async (kind) => {
    const emulator = await start();
    await setFaults(emulator, { probability: 1, seed: 1, kinds: [kind], vendors: [driver] });

    const failure = await planDir(small.manifests(emulator.url), small.env).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(DriverError);
    expect(failure).toMatchObject({ vendor: driver });
    expect(String((failure as Error).message)).toMatch(new RegExp(`^${driver}( error [^:]+)?: `));
  });
});

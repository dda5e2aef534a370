import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { drivers } from "../../src/drivers/registry.js";
import { doctorRun } from "../../src/engine/doctor/run.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();

describe.each(drivers.map((d) => d.name))("doctor against the %s emulator", (driver) => {
  it("finds the example tenant healthy, runs every declared probe, and changes nothing", async () => {
    const emulator = await emulators.start(readStateFile(exampleOf(driver).state));
    const before = JSON.stringify(emulator.vendor(driver).getState());

    const report = await doctorRun({ paths: [exampleOf(driver).dir], env: exampleEnv(driver, emulator.url) });

    expect(report.checks.filter((c) => c.status === "failed" || c.status === "contradicted")).toEqual([]);
    expect(report.ok).toBe(true);
    const spec = drivers.find((d) => d.name === driver)?.doctor;
    for (const probe of spec?.probes ?? []) expect(emulator.calls(driver).some((c) => c.path.endsWith(probe.request.path))).toBe(true);
    expect(JSON.stringify(emulator.vendor(driver).getState())).toBe(before);
  });
});

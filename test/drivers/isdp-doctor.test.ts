import { describe, expect, it } from "vitest";
import { isdp } from "../../src/drivers/isdp/index.js";
import { connectTargets } from "../../src/engine/connections.js";
import { loadManifests } from "../../src/manifest/load.js";
import type { VendorRequest } from "../../src/model/request.js";
import { FAST_RETRY, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { ENV, siteDir, tenant } from "./isdp-tenant.js";

const emu = useEmulator();
const doctor = isdp.doctor!;

/** A real connection to the emulator's tenant, as `orgform doctor` makes one. */
function connect(emulator: TestEmulator) {
  const { targets } = loadManifests([siteDir(emulator.url, [])], { env: ENV });
  const connection = connectTargets(targets, { retry: FAST_RETRY }).get("site")!;
  return { read: (request: VendorRequest) => connection.call(request) };
}

async function verdict(id: string, emulator: TestEmulator) {
  const assumption = doctor.assumptions.find((a) => a.id === id)!;
  return assumption.check!({ answers: new Map(), ...connect(emulator) });
}

const writes = (emulator: TestEmulator) => emulator.calls("isdp").filter((c) => !c.path.includes("getPersonList") && !c.path.startsWith("/oauth2"));

describe("isdp doctor", () => {
  it("probes getPersonList with a page of one, and the answer has the shape the driver reads", async () => {
    const emulator = await emu.start(tenant([{ personCode: "a@hw" }, { personCode: "b@hw" }]));
    const { read } = connect(emulator);

    for (const probe of doctor.probes) {
      const answer = await read(probe.request);
      expect(probe.check(answer)).toBeUndefined();
    }
    expect(doctor.probes.map((p) => p.api)).toEqual(["person/getPersonList"]);
    expect(emulator.calls("isdp").filter((c) => c.path.endsWith("getPersonList")).map((c) => c.body)).toEqual([expect.objectContaining({ page: { start: 0, count: 1 }, isSmartDevice: "N" })]);
    expect(doctor.probes[0]?.check({ data: [{ personName: "no code" }] })).toMatch(/personCode/);
    expect(doctor.probes[0]?.permission).toContain("getPersonList");
  });

  it.each([
    ["suffixed", "holds", /2 of 2 persons read are stored with @hw/],
    ["asSent", "contradicted", /0 of 2 persons read are stored with @hw/],
  ] as const)("checks where batchAdd stores persons against a tenant that stores them %s", async (form, expected, detail) => {
    const emulator = await emu.start(tenant([], { batchAddStores: form }));
    // Persons made the way orgform makes them: batchAdd.
    const { read } = connect(emulator);
    await read({ method: "POST", path: "/openapi/v1/person/batchAdd", body: { personList: [{ personCode: "x1" }, { personCode: "x2" }] }, bucket: "add" });
    emulator.clearCalls();

    const result = await verdict("isdp.batchadd-stores-hw", emulator);

    expect(result.verdict).toBe(expected);
    expect(result.detail).toMatch(detail);
    expect(writes(emulator)).toEqual([]);
  });

  it("cannot check where batchAdd stores persons on a tenant without persons", async () => {
    const emulator = await emu.start(tenant([]));

    expect(await verdict("isdp.batchadd-stores-hw", emulator)).toMatchObject({ verdict: "cannot check" });
  });

  it("checks that devices stay out of the list", async () => {
    const emulator = await emu.start(tenant([{ personCode: "a@hw" }, { personCode: "cam", isSmartDevice: "Y" }]));

    expect(await verdict("isdp.list-excludes-devices", emulator)).toMatchObject({ verdict: "holds", detail: "none of 1 persons read is a device" });
  });

  it.each([
    [undefined, "holds"],
    [70, "contradicted"],
  ])("checks that a page of 200 is served (page cap %s)", async (page, expected) => {
    const persons = Array.from({ length: 250 }, (_, i) => ({ personCode: `p${i}@hw` }));
    const emulator = await emu.start(tenant(persons, page ? { limits: { page } } : {}));

    expect(await verdict("isdp.page-total", emulator)).toMatchObject({ verdict: expected });
  });

  it("declares every assumption with a source and its handling; those no read can tell have no check", () => {
    for (const a of doctor.assumptions) {
      expect(a.statement.length, a.id).toBeGreaterThan(10);
      expect(a.source.length, a.id).toBeGreaterThan(10);
      expect(a.handling.length, a.id).toBeGreaterThan(10);
    }
    expect(doctor.assumptions.filter((a) => !a.check).map((a) => a.id)).toEqual(["isdp.deregister-by-code", "isdp.batchupdate-by-code", "isdp.phone-settable"]);
  });
});

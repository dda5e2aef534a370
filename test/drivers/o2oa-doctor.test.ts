import { describe, expect, it } from "vitest";
import { o2oa } from "../../src/drivers/o2oa/index.js";
import { connectTargets } from "../../src/engine/connections.js";
import type { TargetConfig } from "../../src/model/target.js";
import { FAST_RETRY, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { PASSWORD, tenant } from "./o2oa-fixtures.js";

const emulator = useEmulator();
const doctor = o2oa.doctor!;

function connect(emu: TestEmulator, extra: Record<string, string> = {}) {
  const credentials = { credential: "orgsync", password: PASSWORD, ...extra };
  const target: TargetConfig = { name: "oa", driver: "o2oa", endpoint: `${emu.url}/o2oa`, credentials, credentialRefs: { ...credentials, password: "${O2OA_PASSWORD}" } };
  const connection = connectTargets([target], { retry: FAST_RETRY }).get("oa")!;
  return { read: (r: Parameters<typeof connection.call>[0]) => connection.call(r) };
}

/** Every probe's answer by api, as doctor hands them to the assumption checks. */
async function probeAll(read: ReturnType<typeof connect>["read"]): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const p of doctor.probes) answers.set(p.api, await read(p.request));
  return answers;
}

async function verdicts(emu: TestEmulator): Promise<Record<string, string>> {
  const { read } = connect(emu);
  const answers = await probeAll(read);
  const out: Record<string, string> = {};
  for (const a of doctor.assumptions) if (a.check) out[a.id] = (await a.check({ answers, read })).verdict;
  return out;
}

const UNITS = [{ name: "总部", unique: "hq", identities: [{ name: "张三", person: "张三@zs@P" }] }];

describe("o2oa doctor", () => {
  it("probes each listing a plan reads with the smallest page, accepts the answers, and sends no write", async () => {
    const emu = await emulator.start(tenant(UNITS));
    const { read } = connect(emu);

    for (const probe of doctor.probes) {
      expect(probe.request.method).toBe("GET");
      expect(probe.check(await read(probe.request)), probe.api).toBeUndefined();
    }
    expect(doctor.probes.map((p) => p.api)).toEqual(["unit/list/{flag}/next/{count}", "unitattribute/list/{flag}/next/{count}", "unitduty/list/{flag}/next/{count}", "identity/list/{flag}/next/{count}"]);
    expect(emu.calls().filter((c) => c.method !== "GET" && !c.path.endsWith("/jaxrs/authentication"))).toEqual([]);
  });

  it("names a malformed page as a shape problem", () => {
    expect(doctor.probes[0]?.check({ rows: [{ id: "1" }], total: 1 })).toMatch(/unit listing page.*name/);
    expect(doctor.probes[3]?.check({ rows: "x" })).toMatch(/listing page/);
  });

  it("reports the refusal of a probe when the session travels under another token name than the server's", async () => {
    const emu = await emulator.start(tenant(UNITS, { tokenName: "o2-auth" }));
    const { read } = connect(emu);

    await expect(read(doctor.probes[0]!.request)).rejects.toMatchObject({ code: "ExceptionUnauthorized" });
    expect(doctor.probes[0]?.permission).toMatch(/tokenName/);
  });

  it("finds the assumptions that hold on a tenant with the sync script installed", async () => {
    const emu = await emulator.start(tenant(UNITS));

    expect(await verdicts(emu)).toEqual({
      "sync-script-installed": "holds",
      "session-settings": "holds",
      "listing-count-is-total": "holds",
      "unit-delete-cascades": "cannot check",
    });
    expect(emu.calls().every((c) => c.method === "GET" || c.path.endsWith("/jaxrs/authentication"))).toBe(true);
  });

  it.each(["missing", "disabled"] as const)("reports the sync script assumption contradicted when the invoke is %s", async (syncScript) => {
    const emu = await emulator.start(tenant(UNITS, { syncScript }));

    expect((await verdicts(emu))["sync-script-installed"]).toBe("contradicted");
  });

  it("declares every unverified assumption with a source and a handling", () => {
    for (const a of doctor.assumptions) {
      expect(a.statement.length, a.id).toBeGreaterThan(20);
      expect(a.source.length, a.id).toBeGreaterThan(20);
      expect(a.handling.length, a.id).toBeGreaterThan(20);
    }
    expect(doctor.assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(["sync-script-identity", "sync-update-lookup", "invoke-admits-anonymous", "unit-delete-cascades"]));
  });
});

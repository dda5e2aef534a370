import { describe, expect, it } from "vitest";
import { xinrenxinshi } from "../../src/drivers/xinrenxinshi/index.js";
import { connectTargets } from "../../src/engine/connections.js";
import type { TargetConfig } from "../../src/model/target.js";
import { FAST_RETRY, useEmulator } from "../helpers/orgform.js";
import { APP_KEY, dept, ID, SECRET, tenant } from "./xinrenxinshi-fixtures.js";

const emulators = useEmulator();
const doctor = xinrenxinshi.doctor!;

function connection(url: string) {
  const target: TargetConfig = {
    name: "hr",
    driver: "xinrenxinshi",
    endpoint: `${url}/xinrenxinshi`,
    credentials: { appKey: APP_KEY, appSecret: SECRET },
    credentialRefs: { appKey: APP_KEY, appSecret: "${XRXS_APP_SECRET}" },
  };
  return connectTargets([target], { retry: FAST_RETRY }).get("hr")!;
}

/** Every probe called once through a real connection, as doctor does; answers by api. */
async function probeAll(url: string): Promise<Map<string, unknown>> {
  const conn = connection(url);
  const answers = new Map<string, unknown>();
  for (const probe of doctor.probes) answers.set(probe.api, await conn.call(probe.request));
  return answers;
}

async function verdicts(url: string): Promise<Record<string, string>> {
  const answers = await probeAll(url);
  const conn = connection(url);
  const out: Record<string, string> = {};
  for (const a of doctor.assumptions) {
    out[a.id] = a.check ? (await a.check({ answers, read: (r) => conn.call(r) })).verdict : "no check";
  }
  return out;
}

const writes = () => emulators.current().calls("xinrenxinshi").filter((c) => /\/(create|update|delete)$/.test(c.path));

describe("xinrenxinshi doctor", () => {
  it("probes every read the plans make with a valid answer shape, and writes nothing", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));

    const answers = await probeAll(emulator.url);

    expect([...answers.keys()]).toEqual(["department/list", "department/list (status 1)", "department/depttype/list"]);
    for (const probe of doctor.probes) expect(probe.check(answers.get(probe.api)), probe.api).toBeUndefined();
    expect(new Set(emulator.calls().map((c) => c.path))).toEqual(new Set(["/authorize/oauth/token", "/v5/department/list", "/v5/department/depttype/list"]));
    expect(writes()).toEqual([]);
    expect(doctor.signsTimestamps).toBe(true);
  });

  it("names what is wrong with an answer of the wrong shape", () => {
    const list = doctor.probes[0]!;
    expect(list.check({ errcode: 0, data: [{ name: "研发中心" }] })).toMatch(/department list: .*departmentId/);
    expect(list.check({ errcode: 0, data: [{ departmentId: "x", fields: { 级别: 3 } }] })).toMatch(/department list: \/data\/0\/fields/);
  });

  it("finds the assumptions holding on a tenant with custom field values and disabled departments", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心", { fields: { 级别: "A" } }), dept(ID.sales, "OLD", "旧销售部", { status: 1 })]));

    expect(await verdicts(emulator.url)).toEqual({
      "timestamp-window": "no check",
      "expired-token-answer": "no check",
      "custom-field-values": "holds",
      "disabled-departments-listed": "holds",
      "clearing-with-empty-string": "no check",
      "update-keeps-unsent-fields": "no check",
      "company-header": "no check",
    });
    expect(writes()).toEqual([]);
  });

  it("reports a list that ignores its status filter as contradicted", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.sales, "OLD", "旧销售部", { status: 1 })], { listIgnoresStatus: true }));

    expect(await verdicts(emulator.url)).toMatchObject({ "disabled-departments-listed": "contradicted", "custom-field-values": "cannot check" });
  });

  it("cannot check what a tenant without custom values or disabled departments does not show", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));

    expect(await verdicts(emulator.url)).toMatchObject({ "disabled-departments-listed": "cannot check", "custom-field-values": "cannot check" });
  });

  it("declares every assumption with a source and a handling", () => {
    for (const a of doctor.assumptions) {
      for (const text of [a.statement, a.source, a.handling]) expect(text.trim().length, a.id).toBeGreaterThan(20);
      expect(a.source, a.id).toMatch(/unverified|SDK|xinrenxinshi\.com|coobin/);
    }
  });
});

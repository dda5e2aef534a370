import { describe, expect, it } from "vitest";
import { dingtalk } from "../../src/drivers/dingtalk/index.js";
import { drivers } from "../../src/drivers/registry.js";
import type { DoctorSpec, Driver } from "../../src/drivers/driver.js";
import { diagnoseNetwork, proxyFor } from "../../src/engine/doctor/network.js";
import { doctorRun } from "../../src/engine/doctor/run.js";
import { driverLookup } from "../../src/engine/drivers.js";
import { manifestDir, runCli, useEmulator, type TestEmulator } from "../helpers/orgform.js";

const SECRET = "Dc9-doctor-secret";
const LIST = "/topapi/pbp/instance/group/member/list";
const emulators = useEmulator();

/** A doctor spec written for the test: one probe that works, one the app may not call, two assumptions. */
const spec = (extraProbe = true): DoctorSpec => ({
  signsTimestamps: true,
  probes: [
    {
      api: "pbp/instance/group/member/list",
      kinds: ["dingtalk.PunchGroup"],
      permission: "the attendance (考勤) read permission of the app",
      request: { method: "POST", path: LIST, body: { punch_group_id: "g1", cursor: 0, size: 1 }, bucket: LIST },
      check: (data) => (Array.isArray((data as { result?: { list?: unknown } }).result?.list) ? undefined : "result.list is missing"),
    },
    ...(extraProbe
      ? [
          {
            api: "pbp/instance/group/list",
            kinds: ["dingtalk.PunchGroup"],
            permission: "the punch-group management permission of the app",
            request: { method: "POST" as const, path: "/topapi/pbp/instance/group/list", body: { cursor: 0, size: 1 }, bucket: "/topapi/pbp/instance/group/list" },
            check: () => undefined,
          },
        ]
      : []),
  ],
  assumptions: [
    {
      id: "member-page",
      statement: "a member page holds at most the size asked for",
      source: "unverified: written for this test",
      handling: "pages until has_more is false",
      check: async ({ answers }) => {
        const list = (answers.get("pbp/instance/group/member/list") as { result: { list: unknown[] } }).result.list;
        return list.length <= 1 ? { verdict: "holds", detail: `${list.length} member on a page of 1` } : { verdict: "contradicted", detail: `${list.length} members on a page of 1` };
      },
    },
    { id: "no-read", statement: "something no read can tell", source: "unverified", handling: "fails safe" },
  ],
});

const withSpec = (doctor: DoctorSpec) => driverLookup([...drivers, { ...dingtalk, doctor } as Driver]);

const files = (endpoint = "${DT_URL}") => ({
  "target.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: ${endpoint}\ncredentials:\n  appKey: app\n  appSecret: \${DT_SECRET}\n`,
});
const state = { dingtalk: { apps: [{ appKey: "app", appSecret: SECRET }], users: ["a", "b"], punchGroups: [{ punch_group_id: "g1", biz_inst_id: "i1", members: [{ member_id: "a", type: 0 }, { member_id: "b", type: 0 }] }] } };

async function doctor(emulator: TestEmulator, env: Record<string, string>, doctorSpec = spec(false)) {
  return doctorRun({ paths: [manifestDir(files())], env: { DT_URL: `${emulator.url}/dingtalk`, ...env }, drivers: withSpec(doctorSpec) });
}

const rows = (report: Awaited<ReturnType<typeof doctorRun>>) => report.checks.map((c) => [c.check, c.status]);

describe("doctor", () => {
  it("reports every check as holding on a healthy tenant and sends nothing but reads", async () => {
    const emulator = await emulators.start(state);

    const report = await doctor(emulator, { DT_SECRET: SECRET });

    expect(rows(report)).toEqual([
      ["credentials", "ok"],
      ["endpoint", "ok"],
      ["clock", "ok"],
      ["token", "ok"],
      ["api pbp/instance/group/member/list", "ok"],
      ["assumption member-page", "holds"],
      ["assumption no-read", "cannot check"],
    ]);
    expect(report.ok).toBe(true);
    const probePaths = new Set(["/", "/gettoken", ...spec(false).probes.map((p) => p.request.path)]);
    expect(emulator.calls().map((c) => c.path).filter((p) => !probePaths.has(p))).toEqual([]);
    expect(emulator.calls().filter((c) => c.path === LIST)).toHaveLength(1);
    expect((emulator.vendor("dingtalk").getState() as typeof state.dingtalk).punchGroups[0]?.members).toHaveLength(2);
  });

  it("names the API and the permission to grant when the vendor refuses a probe, and exits the report as failed", async () => {
    const emulator = await emulators.start(state);

    const report = await doctor(emulator, { DT_SECRET: SECRET }, spec(true));

    const refused = report.checks.find((c) => c.check === "api pbp/instance/group/list");
    expect(refused).toMatchObject({ target: "att", status: "failed", fix: "grant the punch-group management permission of the app" });
    expect(refused?.detail).toMatch(/^failed: invalid \[22\]/);
    expect(report.ok).toBe(false);
  });

  it("with a wrong secret: the token fails, names the variable to check, and never prints the secret", async () => {
    const emulator = await emulators.start(state);

    const report = await doctor(emulator, { DT_SECRET: "wrong-secret-value-1" });

    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === "token")).toMatchObject({ status: "failed", fix: "the vendor refused the credentials: check that DT_SECRET holds this tenant's values" });
    expect(rows(report).slice(4)).toEqual([
      ["api pbp/instance/group/member/list", "cannot check"],
      ["assumption member-page", "cannot check"],
      ["assumption no-read", "cannot check"],
    ]);
    expect(JSON.stringify(report)).not.toContain("wrong-secret-value-1");
  });

  it("with a variable unset: names it and still checks the endpoint", async () => {
    const emulator = await emulators.start(state);

    const report = await doctor(emulator, {});

    expect(report.checks.slice(0, 2)).toEqual([
      expect.objectContaining({ check: "credentials", status: "failed", detail: "not set: DT_SECRET" }),
      expect.objectContaining({ check: "endpoint", status: "ok" }),
    ]);
    expect(emulator.calls().map((c) => c.path)).toEqual(["/"]);
  });

  it("classifies network failures", () => {
    expect(diagnoseNetwork("ENOTFOUND", "api.example.com").kind).toBe("DNS");
    expect(diagnoseNetwork("ECONNREFUSED", "127.0.0.1:1").kind).toBe("TCP");
    expect(diagnoseNetwork("ECONNABORTED", "h").kind).toBe("timeout");
    expect(diagnoseNetwork("CERT_HAS_EXPIRED", "h").kind).toBe("TLS");
    expect(diagnoseNetwork("ECONNREFUSED", "h", "proxy.corp:3128")).toMatchObject({ kind: "proxy", detail: "cannot reach the proxy proxy.corp:3128 (ECONNREFUSED)" });
    expect(proxyFor(new URL("https://oapi.dingtalk.com"), { HTTPS_PROXY: "http://proxy.corp:3128" })).toBe("proxy.corp:3128");
    expect(proxyFor(new URL("https://oapi.dingtalk.com"), { HTTPS_PROXY: "http://proxy.corp:3128", NO_PROXY: ".dingtalk.com" })).toBeUndefined();
  });
});

describe("orgform doctor (the built CLI)", () => {
  it("exits 1 for an unreachable endpoint, naming the target and the kind of failure", async () => {
    const dir = manifestDir(files("http://127.0.0.1:1/dingtalk"));

    const run = await runCli(["doctor", dir], { env: { DT_SECRET: SECRET }, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^att\s+endpoint\s+failed\s+TCP: 127\.0\.0\.1:1 refused or dropped the connection \(ECONNREFUSED\)$/m);
    expect(run.stdout).toContain("fix: check the endpoint's port");
  });

  it("exits 1 for a wrong secret in text and JSON, without the secret, and 0 when all holds", async () => {
    const emulator = await emulators.start(state);
    const dir = manifestDir(files());
    const env = { DT_URL: `${emulator.url}/dingtalk`, DT_SECRET: "wrong-secret-value-2" };

    const text = await runCli(["doctor", dir], { env, cwd: dir });
    const json = await runCli(["doctor", dir, "--format", "json", "--target", "att"], { env, cwd: dir });
    const good = await runCli(["doctor", dir], { env: { ...env, DT_SECRET: SECRET }, cwd: dir });

    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^att\s+token\s+failed\s+GET \/gettoken: auth \[40096\]/m);
    expect(text.stdout).toContain("fix: the vendor refused the credentials: check that DT_SECRET holds this tenant's values");
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checks: expect.arrayContaining([expect.objectContaining({ target: "att", check: "token", status: "failed" })]) });
    for (const run of [text, json]) expect(run.stdout + run.stderr).not.toContain("wrong-secret-value-2");
    expect(good.code).toBe(0);
    expect(emulator.calls().filter((c) => c.path.endsWith("/update"))).toEqual([]);
  });
});

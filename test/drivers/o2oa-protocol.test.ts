import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {FAST_RETRY, ROOT, applyDir, planDir, useEmulator, applySession } from "../helpers/orgform.js";
import { ENV, LOGIN, manifests, SSO_LOGIN, SYNC, tenant } from "./o2oa-fixtures.js";

const running = useEmulator();

const HQ = { name: "总部", unique: "hq" };
const RD = { name: "研发部", unique: "rd", superior: "hq" };

describe("o2oa.Unit over HTTP: rules, failures and login", () => {
  it("reports a sibling-name clash at plan time with file, line and field, before any write", async () => {
    const emulator = await running.start(tenant([HQ, RD]));
    const dir = manifests(emulator.url, [HQ, { unique: "rd2", name: "研发部", superior: "hq" }]);

    const session = await planDir(dir, ENV);

    expect(session.problems).toEqual([
      {
        source: expect.objectContaining({ file: expect.stringMatching(/units\.yaml$/), line: 8 }),
        path: "name",
        message: 'oa/o2oa.Unit/rd2: the name "研发部" is already used under superior "hq" by "rd"; O2OA requires sibling units to have different names',
      },
    ]);
    expect(emulator.calls().filter((c) => c.path === SYNC)).toEqual([]);
  });

  it("reports a move that would clash, a '/' in a name and whitespace in a unique at plan time", async () => {
    const emulator = await running.start(tenant([HQ, RD, { name: "研发部", unique: "sales-rd", superior: "sales" }, { name: "销售部", unique: "sales", superior: "hq" }]));
    const dir = manifests(emulator.url, [
      HQ,
      { unique: "sales-rd", name: "研发部", superior: "hq" },
      { unique: "ops", name: "运维/安全", superior: "hq" },
      { unique: "qa team", name: "测试", superior: "hq" },
    ]);

    const session = await planDir(dir, ENV);

    expect(session.problems.map((p) => [p.path, p.source?.line, p.message.replace(/:.*/, "")])).toEqual([
      ["name", 11, "oa/o2oa.Unit/ops"],
      ["unique", 13, "oa/o2oa.Unit/qa team"],
      ["name", 8, "oa/o2oa.Unit/sales-rd"],
    ]);
  });

  it("reports a sync result 'error' as a failed action with its description, and skips its dependents", async () => {
    const emulator = await running.start(tenant([HQ]));
    const dir = manifests(emulator.url, [HQ, { unique: "rd", name: "研发部", superior: "hq" }, { unique: "rd-platform", name: "平台组", superior: "rd" }]);
    const session = await planDir(dir, ENV);
    // Someone creates the same name under hq between plan and apply.
    const emu = emulator.vendor("o2oa");
    emu.setState({ ...(emu.getState() as object), units: [HQ, { name: "研发部", unique: "rd-manual", superior: "hq" }] });

    const results = await applySession(session);

    expect(results).toEqual([
      expect.objectContaining({ key: "rd", status: "failed", code: "result:error", message: expect.stringContaining("同级组织名称重复: 研发部") }),
      expect.objectContaining({ key: "rd-platform", status: "skipped" }),
    ]);
  });

  it("logs in again once when the token expires in the middle of an apply and the script refuses anonymous callers, and repeats the call", async () => {
    const emulator = await running.start(tenant([], { invokeRefusesAnonymous: true }));
    const dir = manifests(emulator.url, [HQ, RD, { unique: "rd-platform", name: "平台组", superior: "rd" }]);
    const session = await planDir(dir, ENV);
    emulator.clearCalls();
    const emu = emulator.vendor("o2oa");

    const results = await applySession(session, {
      onResult: (r) => r.key === "hq" && emu.expireTokens(),
    });

    expect(results.map((r) => r.status)).toEqual(["done", "done", "done"]);
    expect(emulator.calls().map((c) => [c.path, c.code])).toEqual([
      [SYNC, "result:success"],
      [SYNC, "ExceptionAccessDenied"],
      [LOGIN, "success"],
      [SYNC, "result:success"],
      [SYNC, "result:success"],
    ]);
    expect((emu.getState() as { units: unknown[] }).units).toHaveLength(3);
  });

  it("logs in again when a read finds the session gone (401 ExceptionUnauthorized)", async () => {
    const emulator = await running.start(tenant([HQ]));
    const dir = manifests(emulator.url, [HQ]);
    const first = await planDir(dir, ENV);
    emulator.vendor("o2oa").expireTokens();
    emulator.clearCalls();

    const live = await first.state.connections.get("oa")?.driver.fetch(
      { target: "oa", call: (r) => first.state.connections.get("oa")!.call(r), facts: new Map() },
      [{ kind: "o2oa.Unit" }],
    );

    expect(live?.map((l) => l.key)).toEqual(["hq"]);
    const codes = emulator.calls().map((c) => c.code);
    expect(codes.filter((c) => c === "ExceptionUnauthorized")).toHaveLength(4);
    expect(codes.indexOf("success")).toBeGreaterThan(codes.indexOf("ExceptionUnauthorized"));
    expect(emulator.calls().filter((c) => c.path === LOGIN).length).toBeGreaterThanOrEqual(1);
  });

  it("logs in through SSO with a client name and a shared key", async () => {
    const emulator = await running.start(tenant([HQ]));
    const dir = manifests(emulator.url, [HQ, RD], SSO_LOGIN());

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    const login = emulator.calls().find((c) => c.path.endsWith("/jaxrs/sso"));
    expect(login?.body).toEqual({ client: "orgform", token: "(redacted)" });
    expect(login?.code).toBe("success");
  });

  it("reports the initial manager's SSO login, which the platform refuses, as an auth failure", async () => {
    const emulator = await running.start(tenant([HQ]));
    const dir = manifests(emulator.url, [HQ], SSO_LOGIN("xadmin"));

    const failure = await planDir(dir, ENV).catch((e: unknown) => e);

    expect(failure).toMatchObject({ failure: "auth", code: "ExceptionAdmin" });
  });

  it("retries unexpected server failures (HTTP 500 without a prompt) and converges", async () => {
    const emulator = await running.start(tenant([]));
    emulator.faults.configure({ probability: 0.3, seed: 3, kinds: ["http500"], vendors: ["o2oa"] });
    const dir = manifests(emulator.url, [HQ, RD]);

    const { results } = await applyDir(dir, ENV, FAST_RETRY);

    expect(results.map((r) => r.status)).toEqual(["done", "done"]);
    expect(emulator.calls().some((c) => c.code === "fault:http500")).toBe(true);
    emulator.faults.configure(undefined);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("runs the example in examples/o2oa against examples/emulator/o2oa.yaml to a clean re-plan", async () => {
    const emulator = await running.start(parse(readFileSync(join(ROOT, "examples/emulator/o2oa.yaml"), "utf8")) as Record<string, unknown>);
    const env = { O2OA_ENDPOINT: `${emulator.url}/o2oa`, O2OA_PASSWORD: "demo-password-not-for-production" };
    const dir = join(ROOT, "examples/o2oa");

    const { session, results } = await applyDir(dir, env);

    expect(session.plan.actions.map((a) => [a.op, a.key])).toEqual([
      ["delete", "legacy-support"],
      ["update", "rd"],
      ["create", "rd-platform"],
      ["create", "sales"],
    ]);
    expect(session.plan.actions[1]?.changes).toEqual([
      { field: "attributes", add: [], remove: ["旧编码"] },
      { field: "duty.部门秘书", add: ["王芳@wangfang@I"], remove: ["赵磊@zhaolei@I"] },
      { field: "name", before: "研发部", after: "研发中心" },
    ]);
    expect(results.every((r) => r.status === "done")).toBe(true);
    expect((await planDir(dir, env)).plan.actions).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emulatorWith, type TestEmulator } from "../helpers/orgform.js";

const STATE = {
  dingtalk: { apps: [{ appKey: "k", appSecret: "sec-123456" }], punchGroups: [{ punch_group_id: "1", biz_inst_id: "1", members: [] }] },
};

let emulator: TestEmulator;
beforeEach(async () => {
  emulator = await emulatorWith(STATE);
});
afterEach(() => emulator.close());

const call = (path: string, init?: RequestInit) => fetch(`${emulator.url}${path}`, init);
const token = async () => ((await (await call("/dingtalk/gettoken?appkey=k&appsecret=sec-123456")).json()) as { access_token: string }).access_token;

describe("emulator admin API", () => {
  it("returns and replaces state by section, validating it", async () => {
    const next = { dingtalk: { ...STATE.dingtalk, punchGroups: [] } };

    expect((await call("/_emulator/state", { method: "PUT", body: JSON.stringify(next) })).status).toBe(200);
    expect(await (await call("/_emulator/state")).json()).toMatchObject({ dingtalk: { punchGroups: [] } });
    const bad = await call("/_emulator/state", { method: "PUT", body: JSON.stringify({ dingtalk: { apps: "no" } }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("dingtalk.apps: must be array");
  });

  it("logs every vendor call with its body and vendor code, secrets blanked, and clears on DELETE", async () => {
    const t = await token();
    await call(`/dingtalk/topapi/pbp/instance/group/member/list?access_token=${t}`, { method: "POST", body: JSON.stringify({ punch_group_id: "1", cursor: 0, size: 5 }) });

    const log = (await (await call("/_emulator/requests")).json()) as Record<string, unknown>[];
    expect(log).toEqual([
      expect.objectContaining({ vendor: "dingtalk", method: "GET", path: "/gettoken", query: { appkey: "k", appsecret: "(redacted)" }, status: 200, code: 0 }),
      expect.objectContaining({ path: "/topapi/pbp/instance/group/member/list", query: { access_token: "(redacted)" }, body: { punch_group_id: "1", cursor: 0, size: 5 }, code: 0 }),
    ]);
    expect(typeof log[0]?.["start"]).toBe("number");
    expect(JSON.stringify(log)).not.toContain(t);
    await call("/_emulator/requests", { method: "DELETE" });
    expect(await (await call("/_emulator/requests")).json()).toEqual([]);
  });

  it("injects faults repeatably for a seed, and stops on DELETE", async () => {
    const run = async () => {
      await call("/_emulator/faults", { method: "PUT", body: JSON.stringify({ probability: 0.5, seed: 42, kinds: ["http500", "busy"] }) });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await call("/dingtalk/gettoken?appkey=k&appsecret=sec-123456");
        const body = (await res.json().catch(() => ({}))) as { errcode?: number };
        statuses.push(res.status === 500 ? 500 : (body.errcode ?? 0));
      }
      return statuses;
    };

    const first = await run();
    const second = await run();

    expect(first).toEqual(second);
    expect(first.some((s) => s === 500) && first.some((s) => s === -1) && first.some((s) => s === 0)).toBe(true);
    await call("/_emulator/faults", { method: "DELETE" });
    expect((await call("/dingtalk/gettoken?appkey=k&appsecret=sec-123456")).status).toBe(200);
  });
});

describe("emulator fault settings", () => {
  const put = (body: unknown) => call("/_emulator/faults", { method: "PUT", body: typeof body === "string" ? body : JSON.stringify(body) });

  it.each([
    [{ probability: 0.5, kinds: ["http50O"] }, 'faults.kinds: unknown "http50O"'],
    [{ probability: 0.5, kinds: "timeout" }, "faults.kinds: must be a list"],
    [{ probability: "0.5" }, 'faults.probability: must be a number from 0 to 1, got "0.5"'],
    [{ probability: "often" }, "faults.probability: must be a number from 0 to 1"],
    [{ probability: 1.5 }, "faults.probability: must be a number from 0 to 1, got 1.5"],
    [{ probability: -0.1 }, "faults.probability: must be a number from 0 to 1"],
    [{ probability: 0.1, seed: "x" }, "faults.seed: must be an integer"],
    [{ probability: 0.1, vendors: ["dingtalkk"] }, 'faults.vendors: unknown "dingtalkk"'],
    [{ probabilty: 0.1 }, "faults: unknown field probabilty"],
    [[0.1], "faults: the body must be a JSON object"],
  ])("refuses %j with a 400 naming the problem, and leaves faults off", async (body, problem) => {
    const res = await put(body);

    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(problem);
    expect((await call("/dingtalk/gettoken?appkey=k&appsecret=sec-123456")).status).toBe(200);
  });

  it("lost: the vendor carries the call out and the answer never arrives", async () => {
    const t = await token();
    await put({ probability: 1, seed: 1, kinds: ["lost"] });
    const body = JSON.stringify({ sync_param: { punch_group_id: "1", biz_inst_id: "1", add_member_list: [{ member_id: "m1", type: 0 }] } });

    const answer = await call(`/dingtalk/topapi/pbp/instance/group/member/update?access_token=${t}`, { method: "POST", body }).catch((e: unknown) => e);

    expect(answer).toBeInstanceOf(Error);
    const state = emulator.vendor("dingtalk").getState() as { punchGroups: { members: { member_id: string }[] }[] };
    expect(state.punchGroups[0]?.members.map((m) => m.member_id)).toEqual(["m1"]);
    expect(emulator.calls().at(-1)).toMatchObject({ path: "/topapi/pbp/instance/group/member/update", code: "fault:lost", status: 200 });
  });
});

describe("dingtalk emulator quirks", () => {
  const update = (t: string, body: string, type = "application/json") =>
    call(`/dingtalk/topapi/pbp/instance/group/member/update?access_token=${t}`, { method: "POST", headers: { "content-type": type }, body }).then((r) => r.json());
  const members = () => (emulator.vendor("dingtalk").getState() as { punchGroups: { members: { member_id: string }[] }[] }).punchGroups[0]?.members.map((m) => m.member_id);

  it("accepts sync_param as a nested object, a JSON string, and a form field", async () => {
    const t = await token();
    const param = (id: string) => ({ punch_group_id: "1", biz_inst_id: "1", add_member_list: [{ member_id: id, type: 0 }] });

    expect(await update(t, JSON.stringify({ sync_param: param("a") }))).toMatchObject({ errcode: 0 });
    expect(await update(t, JSON.stringify({ sync_param: JSON.stringify(param("b")) }))).toMatchObject({ errcode: 0 });
    expect(await update(t, new URLSearchParams({ sync_param: JSON.stringify(param("c")) }).toString(), "application/x-www-form-urlencoded")).toMatchObject({ errcode: 0 });
    expect(members()).toEqual(["a", "b", "c"]);
  });

  it("requires type on every member", async () => {
    const t = await token();

    const answer = await update(t, JSON.stringify({ sync_param: { punch_group_id: "1", biz_inst_id: "1", add_member_list: [{ member_id: "a" }] } }));

    expect(answer).toMatchObject({ errcode: 100123, errmsg: "type empty" });
    expect(members()).toEqual([]);
  });

  it("answers 88 with sub_code 40014 to a bad or expired token, 40000 to a blank one, 22 to an unknown API", async () => {
    const t = await token();
    const post = (path: string, tok: string) => call(`/dingtalk${path}?access_token=${tok}`, { method: "POST", body: "{}" }).then((r) => r.json());

    expect(await post("/topapi/pbp/instance/group/member/list", "bogus")).toMatchObject({ errcode: 88, sub_code: "40014", sub_msg: "不合法的access_token" });
    expect(await post("/topapi/pbp/instance/group/member/list", "")).toMatchObject({ errcode: 88, sub_code: "40000", sub_msg: "access_token is blank" });
    expect(await post("/topapi/no/such/api", t)).toMatchObject({ errcode: 22, sub_msg: expect.stringContaining("dingtalk.oapi.no.such.api") });
    await call("/_emulator/tokens", { method: "DELETE" });
    expect(await post("/topapi/pbp/instance/group/member/list", t)).toMatchObject({ errcode: 88, sub_code: "40014" });
  });
});

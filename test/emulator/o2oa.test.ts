import { beforeEach, describe, expect, it } from "vitest";
import { ssoToken } from "../../src/drivers/o2oa/sso.js";
import { useEmulator, type TestEmulator } from "../helpers/orgform.js";

const BASE = "/o2oa";
const LOGIN = "/x_organization_assemble_authentication/jaxrs/authentication";
const SSO = "/x_organization_assemble_authentication/jaxrs/sso";
const SYNC = "/x_program_center/jaxrs/invoke/unitAsync/execute";
const UNITS = "/x_organization_assemble_control/jaxrs/unit/list/(0)/next/200";
const KEY = "shared-key-for-sso";

const running = useEmulator();
let emulator: TestEmulator;
beforeEach(async () => {
  emulator = await running.start({
    o2oa: {
      accounts: [{ credential: "orgsync", password: "pw-1" }],
      ssoClients: [{ client: "orgform", key: KEY }],
      units: [
        { name: "总部", unique: "hq" },
        { name: "研发部", unique: "rd", superior: "hq", attributes: [{ name: "地址", value: ["杭州"] }], duties: [{ name: "部门领导", value: ["a@a@I"] }] },
      ],
    },
  });
});

interface Answer {
  status: number;
  token: string | null;
  body: { type: string; message?: string; prompt?: string; count?: number; data: unknown };
}

async function call(method: "GET" | "POST", path: string, body?: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers["x-token"] = token;
  const res = await fetch(`${emulator.url}${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, token: res.headers.get("x-token"), body: (await res.json()) as Answer["body"] };
}

async function login(): Promise<string> {
  const answer = await call("POST", LOGIN, { credential: "orgsync", password: "pw-1" });
  return (answer.body.data as { token: string }).token;
}

const sync = async (body: Record<string, unknown>, token?: string) => call("POST", SYNC, body, token ?? (await login()));
const value = (a: Answer) => (a.body.data as { value: Record<string, unknown> }).value;
const units = () => (emulator.vendor("o2oa").getState() as { units: Record<string, unknown>[] }).units;
const unit = (unique: string) => units().find((u) => u["unique"] === unique) as Record<string, unknown>;

describe("o2oa emulator: sessions", () => {
  it("answers a missing, unknown or expired token on the organisation service with 401 ExceptionUnauthorized", async () => {
    const token = await login();
    emulator.vendor("o2oa").expireTokens();

    for (const t of [undefined, "no-such-token", token]) {
      const answer = await call("GET", UNITS, undefined, t);
      expect(answer).toMatchObject({ status: 401, body: { type: "error", message: "会话已过期或未登录.", prompt: "com.x.base.core.project.exception.ExceptionUnauthorized" } });
    }
  });

  it("localises the 401 message by Accept-Language", async () => {
    const res = await fetch(`${emulator.url}${BASE}${UNITS}`, { headers: { "accept-language": "en-US,en;q=0.9" } });

    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: "error", message: "Session expired or not logged in.", prompt: "com.x.base.core.project.exception.ExceptionUnauthorized" });
  });

  it("admits an anonymous caller to the invoke, as the platform does, without a token in the answer", async () => {
    const answer = await call("POST", SYNC, { action: "add", name: "测试", unique: "qa" });

    expect(answer).toMatchObject({ status: 200, token: null, body: { type: "success" } });
    expect(value(answer)).toMatchObject({ result: "success" });
  });

  it("refuses an anonymous invoke as access denied, changing nothing, when the installed script refuses such callers", async () => {
    emulator.vendor("o2oa").setState({ ...(emulator.vendor("o2oa").getState() as object), invokeRefusesAnonymous: true });

    const answer = await call("POST", SYNC, { action: "delete", unique: "rd" });

    expect(answer).toMatchObject({ status: 500, body: { type: "error", message: "用户:anonymous 权限不足.", prompt: "com.x.base.core.project.exception.ExceptionAccessDenied" } });
    expect(units()).toHaveLength(2);
  });

  it("sees a token only under the server's token name (or the authorization fallback)", async () => {
    emulator.vendor("o2oa").setState({ ...(emulator.vendor("o2oa").getState() as object), tokenName: "o2-auth" });
    const logged = await call("POST", LOGIN, { credential: "orgsync", password: "pw-1" });
    const token = (logged.body.data as { token: string }).token;
    const get = (headers: Record<string, string>) => fetch(`${emulator.url}${BASE}${UNITS}`, { headers }).then((r) => r.status);

    expect(logged.token).toBeNull();
    expect(await get({ "x-token": token })).toBe(401);
    expect(await get({ "o2-auth": token })).toBe(200);
    expect(await get({ cookie: `o2-auth=${token}` })).toBe(200);
    expect(await get({ authorization: token })).toBe(200);
  });

  it("answers an authenticated call with a newer token; the older one stays valid until it expires", async () => {
    const first = await login();

    const answer = await call("GET", UNITS, undefined, first);
    expect(answer.status).toBe(200);
    expect(answer.token).toBeTruthy();
    expect(answer.token).not.toBe(first);
    expect((await call("GET", UNITS, undefined, answer.token ?? "")).status).toBe(200);
    expect((await call("GET", UNITS, undefined, first)).status).toBe(200);
  });

  it("rejects a wrong password with the platform's prompt", async () => {
    const answer = await call("POST", LOGIN, { credential: "orgsync", password: "wrong" });

    expect(answer).toMatchObject({ status: 500, body: { type: "error", prompt: expect.stringMatching(/ExceptionPersonNotExistOrInvalidPassword$/) } });
  });

  it.each([
    ["a token sealed with another key", () => ssoToken("orgsync", "another-key-123", Date.now()), "ExceptionReadToken"],
    ["a token older than a minute", () => ssoToken("orgsync", KEY, Date.now() - 61_000), "ExceptionTokenExpired"],
    ["the initial manager", () => ssoToken("xadmin", KEY, Date.now()), "ExceptionAdmin"],
    ["an unknown person", () => ssoToken("nobody", KEY, Date.now()), "ExceptionPersonNotExist"],
  ])("refuses an SSO login with %s", async (_what, token, prompt) => {
    const answer = await call("POST", SSO, { client: "orgform", token: token() });

    expect(answer.status).toBe(500);
    expect(answer.body.prompt).toMatch(new RegExp(`${prompt}$`));
  });

  it("logs in through SSO with a token sealed with the client's key", async () => {
    const answer = await call("POST", SSO, { client: "orgform", token: ssoToken("orgsync", KEY, Date.now()) });

    expect(answer.status).toBe(200);
    expect((answer.body.data as { token: string; distinguishedName: string }).distinguishedName).toBe("orgsync@orgsync@P");
  });
});

describe("o2oa emulator: the unitAsync sync script", () => {
  it("adds a unit, computes its distinguished name, and answers in the shape of the vendor's documented example", async () => {
    const answer = await sync({ action: "add", name: "平台组", unique: "rd-platform", superior: "研发部@rd@U", attributeList: [{ name: "层级", value: "三" }] });

    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe("success");
    expect(value(answer)).toEqual({ id: unit("rd-platform")["id"], distinguishedName: "平台组@rd-platform@U", result: "success", description: expect.any(String) });
    expect(unit("rd-platform")).toMatchObject({ superior: "rd", attributes: [expect.objectContaining({ name: "层级", value: ["三"], distinguishedName: expect.stringMatching(/^层级@.+@UA$/) })] });
  });

  it("uses the generated id as unique when none is given", async () => {
    const answer = await sync({ action: "add", name: "临时组" });

    const added = units().find((u) => u["name"] === "临时组");
    expect(added?.["unique"]).toBe(added?.["id"]);
    expect(value(answer)["distinguishedName"]).toBe(`临时组@${String(added?.["id"])}@U`);
  });

  it.each([
    ["a sibling already has the name", { action: "add", name: "研发部", unique: "rd2", superior: "hq" }, /同级组织名称重复/],
    ["the name holds a '/'", { action: "add", name: "研发/测试", unique: "rdqa", superior: "hq" }, /名称不符合要求/],
    ["the name holds a '\\'", { action: "add", name: "研发\\测试", unique: "rdqa", superior: "hq" }, /名称不符合要求/],
    ["the unique holds whitespace", { action: "add", name: "测试", unique: "qa team", superior: "hq" }, /唯一编码不符合要求/],
    ["the unique is taken", { action: "add", name: "测试", unique: "rd", superior: "hq" }, /唯一编码已存在/],
    ["the superior does not exist", { action: "add", name: "测试", unique: "qa", superior: "nowhere" }, /上级组织不存在/],
    ["a move goes below itself", { action: "update", name: "总部", unique: "hq", superior: "rd" }, /自身或下级/],
    ["the unit to update does not exist", { action: "update", name: "测试", unique: "ghost" }, /组织不存在/],
    ["two attributes share a name", { action: "update", name: "研发部", unique: "rd", superior: "hq", attributeList: [{ name: "a", value: [] }, { name: "a", value: [] }] }, /属性名称重复/],
    ["the action is unknown", { action: " update", name: "研发部", unique: "rd" }, /不支持的操作/],
  ])("answers HTTP 200 with result 'error' when %s, and changes nothing", async (_what, body, description) => {
    const before = JSON.stringify(units());

    const answer = await sync(body);

    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe("success");
    expect(value(answer)).toEqual({ result: "error", description: expect.stringMatching(description) });
    expect(JSON.stringify(units())).toBe(before);
  });

  it("deletes a unit with every sub-unit, attribute, duty and identity below it, as the platform's unit delete does", async () => {
    const state = emulator.vendor("o2oa").getState() as { units: Record<string, unknown>[] };
    state.units.push({ name: "平台组", unique: "rd-platform", superior: "rd", identities: [{ name: "张三", person: "张三@zs@P", unique: "zs-rd" }] });
    state.units[0] = { ...state.units[0], duties: [{ name: "领导", value: ["张三@zs-rd@I", "x@x@I"] }] };
    emulator.vendor("o2oa").setState(state);

    const answer = await sync({ action: "delete", unique: "rd" });

    expect(value(answer)).toMatchObject({ result: "success" });
    expect(units().map((u) => u["unique"])).toEqual(["hq"]);
    expect(unit("hq")["duties"]).toEqual([expect.objectContaining({ name: "领导", value: ["x@x@I"] })]);
  });

  it("renames in place: same id, new distinguished name, sub-objects kept by name", async () => {
    const before = unit("rd");

    const answer = await sync({
      action: "update",
      name: "研发中心",
      unique: "rd",
      distinguishedName: "研发部@rd@U",
      superior: "hq",
      attributeList: [{ name: "地址", value: ["上海"] }],
      dutyList: [{ name: "部门领导", value: ["a@a@I"] }],
    });

    expect(value(answer)).toMatchObject({ result: "success", id: before["id"], distinguishedName: "研发中心@rd@U" });
    const after = unit("rd") as { attributes: { id: string; value: string[] }[]; duties: { id: string }[] };
    expect(after.attributes).toEqual([expect.objectContaining({ id: (before["attributes"] as { id: string }[])[0]?.id, value: ["上海"] })]);
    expect(after.duties[0]?.id).toBe((before["duties"] as { id: string }[])[0]?.id);
  });

  it("replaces the attribute and duty lists: what the update leaves out is removed", async () => {
    await sync({ action: "update", name: "研发部", unique: "rd", superior: "hq", attributeList: [], dutyList: [{ name: "秘书", value: ["b@b@I"] }] });

    expect(unit("rd")).toMatchObject({ attributes: [], duties: [expect.objectContaining({ name: "秘书", value: ["b@b@I"] })] });
  });

  it("lists units, attributes and duties by keyset pages, with ids as references", async () => {
    const token = await login();

    const page = await call("GET", "/x_organization_assemble_control/jaxrs/unit/list/(0)/next/1", undefined, token);
    const rest = await call("GET", `/x_organization_assemble_control/jaxrs/unit/list/${String((page.body.data as { id: string }[])[0]?.id)}/next/1`, undefined, token);
    const duties = await call("GET", "/x_organization_assemble_control/jaxrs/unitduty/list/(0)/next/200", undefined, token);

    expect(page.body).toMatchObject({ count: 2, data: [{ unique: "rd", superior: unit("hq")["id"], levelName: "总部/研发部", level: 2 }] });
    expect(rest.body.data).toEqual([expect.objectContaining({ unique: "hq", superior: "" })]);
    expect(duties.body.data).toEqual([expect.objectContaining({ name: "部门领导", unit: unit("rd")["id"], identityList: ["a@a@I"] })]);
  });
});

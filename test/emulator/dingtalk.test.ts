import { describe, expect, it } from "vitest";
import { ENV, GROUP, tenant } from "../drivers/dingtalk-fixtures.js";
import { useEmulator, type TestEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
const LIST = "/topapi/pbp/instance/group/member/list";

async function get(emulator: TestEmulator, path: string) {
  const res = await fetch(`${emulator.url}/dingtalk${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function post(emulator: TestEmulator, path: string, token: string, body: unknown) {
  const res = await fetch(`${emulator.url}/dingtalk${path}?access_token=${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const tokenOf = async (emulator: TestEmulator) => String((await get(emulator, `/gettoken?appkey=app-1&appsecret=${ENV.DT_SECRET}`)).body["access_token"]);

describe("dingtalk emulator: the captured answers", () => {
  it("answers a wrong secret with HTTP 200 and 40096", async () => {
    const emulator = await emulators.start(tenant([]));

    expect(await get(emulator, "/gettoken?appkey=app-1&appsecret=nope")).toEqual({ status: 200, body: { errcode: 40096, errmsg: "不合法的appKey或appSecret", request_id: expect.any(String) } });
  });

  it("answers an unknown topapi name with 22 and the gateway's Chinese sub_msg, other paths with 404 in the body", async () => {
    const emulator = await emulators.start(tenant([]));
    const token = await tokenOf(emulator);

    expect((await post(emulator, "/topapi/v2/user/notexist", token, {})).body).toMatchObject({
      errcode: 22,
      sub_msg: "不合法ApiName，ApiName = dingtalk.oapi.v2.user.notexist",
      errmsg: "Invalid method[submsg=不合法ApiName，ApiName = dingtalk.oapi.v2.user.notexist]",
    });
    expect((await post(emulator, "/no/such", token, {})).body).toMatchObject({ errcode: 404, errmsg: "请求的URI地址不存在" });
  });

  it("refuses an API the app may not call with 88 / sub_code 60011", async () => {
    const emulator = await emulators.start(tenant([], { refusedApis: [LIST] }));

    const { body } = await post(emulator, LIST, await tokenOf(emulator), { punch_group_id: GROUP, cursor: 0, size: 1 });

    expect(body).toMatchObject({ errcode: 88, sub_code: "60011", sub_msg: "没有调用该接口的权限" });
  });

  it("blocks the caller's IP past its limit for every path, with a body that has no errcode", async () => {
    const emulator = await emulators.start(tenant([], { limits: { ipCallsPer20s: 2 } }));
    const token = await tokenOf(emulator);
    await post(emulator, LIST, token, { punch_group_id: GROUP, cursor: 0, size: 1 });

    const blocked = await post(emulator, LIST, token, { punch_group_id: GROUP, cursor: 0, size: 1 });
    const tokenAgain = await get(emulator, `/gettoken?appkey=app-1&appsecret=${ENV.DT_SECRET}`);

    expect(blocked.body).toEqual({ status: 1111, wait: 5, source: "x5", punish: "deny", uuid: expect.any(String) });
    expect(tokenAgain.body).not.toHaveProperty("errcode");
  });

  it("answers an unknown punch group with the state's errcode", async () => {
    const emulator = await emulators.start(tenant([], { unknownGroupErrcode: 60003 }));

    const { body } = await post(emulator, LIST, await tokenOf(emulator), { punch_group_id: "nope", cursor: 0, size: 1 });

    expect(body).toMatchObject({ errcode: 60003 });
  });
});

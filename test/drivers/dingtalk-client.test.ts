import { describe, expect, it } from "vitest";
import { DingTalkClient } from "../../src/drivers/dingtalk/client.js";
import type { HttpResponse, VendorRequest } from "../../src/model/request.js";

const client = new DingTalkClient("https://oapi.dingtalk.com", "key", "secret-1234");
const list: VendorRequest = { method: "POST", path: "/topapi/pbp/instance/group/member/list", body: {}, bucket: "l" };
const token: VendorRequest = { method: "GET", path: "/gettoken", bucket: "t" };
const answer = (body: unknown, status = 200): HttpResponse => ({ status, headers: {}, body: typeof body === "string" ? body : JSON.stringify(body) });
const wrapped = (subCode: string, subMsg: string) => ({ errcode: 88, sub_code: subCode, sub_msg: subMsg, errmsg: `ding talk error[subcode=${subCode},submsg=${subMsg}]` });

describe("dingtalk client", () => {
  it.each([
    ["40014", "tokenExpired"],
    ["40000", "tokenExpired"],
    ["42001", "tokenExpired"],
    ["33001", "tokenExpired"],
    ["60011", "permission"],
    ["12345", "permission"],
  ])("reads errcode 88 with sub_code %s as %s, showing sub_msg and sub_code", (subCode, failure) => {
    expect(client.interpret(list, answer(wrapped(subCode, "原因")))).toEqual({ ok: false, failure, code: 88, message: `原因 (sub_code ${subCode})` });
  });

  it("reads sub_code given as a number like the string", () => {
    expect(client.interpret(list, answer({ errcode: 88, sub_code: 40014, errmsg: "x" }))).toMatchObject({ failure: "tokenExpired" });
  });

  it("names the per-IP block when it comes inside an HTML page", () => {
    const page = '<html><body>{"status":1111,"wait":5,"source":"x5","punish":"deny","uuid":"u"}</body></html>';

    expect(client.interpret(list, answer(page, 403))).toMatchObject({ ok: false, failure: "unknown", code: "IP blocked", message: expect.stringContaining("wait 5") });
  });

  it("keeps the gateway's status for answers without errcode, and calls the rest malformed", () => {
    expect(client.interpret(list, answer("Bad Gateway", 502))).toMatchObject({ failure: "server" });
    expect(client.interpret(list, answer({ message: "busy" }, 503))).toMatchObject({ failure: "server", code: "HTTP 503" });
    expect(client.interpret(list, answer({ result: {} }))).toMatchObject({ failure: "unknown", message: expect.stringContaining("errcode is missing") });
    expect(client.interpret(token, answer({ errcode: 0, errmsg: "ok" }))).toMatchObject({ failure: "unknown", message: expect.stringContaining("access_token") });
  });

  it("turns a malformed token answer into a DriverError, not a crash later", () => {
    expect(() => client.acceptToken({ errcode: 0 }, Date.now())).toThrow(/gettoken answer/);
  });
});

import { describe, expect, it } from "vitest";
import { TOKEN_PATH, XinrenxinshiClient } from "../../src/drivers/xinrenxinshi/client.js";
import type { VendorRequest } from "../../src/model/request.js";

const client = new XinrenxinshiClient("https://api.xinrenxinshi.com/", "key", "secret-value");
const call: VendorRequest = { method: "POST", path: "/v5/department/update", body: {}, bucket: "u" };
const token: VendorRequest = { method: "POST", path: TOKEN_PATH, body: {}, bucket: "t" };
const answer = (status: number, body: unknown) => ({ status, headers: {}, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("xinrenxinshi answers", () => {
  it.each([
    [200, { errcode: 0, errmsg: "成功", data: null }, "ok"],
    [401, { error: "invalid_token", error_description: "Access token expired: x" }, "tokenExpired"],
    [200, { errcode: 40001, errmsg: "签名校验失败" }, "auth"],
    [200, { errcode: 40002, errmsg: "请求已过期" }, "invalid"],
    [200, { errcode: 42900, errmsg: "接口调用过于频繁" }, "rateLimited"],
    [200, { errcode: 50001, errmsg: "系统繁忙" }, "busy"],
    [200, { errcode: 50002, errmsg: "部门正在更新中" }, "busy"],
    [200, { errcode: 60001, errmsg: "部门不存在" }, "notFound"],
    [200, { errcode: 60003, errmsg: "部门下存在子部门" }, "conflict"],
    [200, { errcode: 60007, errmsg: "自定义字段" }, "invalid"],
    [200, { errcode: 99999, errmsg: "unknown" }, "invalid"],
    [500, { status: 500, error: "Internal Server Error" }, "server"],
    [502, "<html>Bad Gateway</html>", "server"],
    [200, "<html>oops</html>", "unknown"],
    [200, {}, "unknown"],
    [404, { status: 404, error: "Not Found" }, "notFound"],
  ])("HTTP %i %j is %s", (status, body, expected) => {
    const outcome = client.interpret(call, answer(status, body));
    expect(outcome.ok ? "ok" : outcome.failure).toBe(expected);
  });

  it.each([
    [200, { access_token: "t", token_type: "bearer", expires_in: 7199, scope: "OPENAPI" }, "ok"],
    [400, { error: "invalid_client", error_description: "Bad client credentials" }, "auth"],
    [401, { error: "unauthorized", error_description: "Full authentication is required" }, "auth"],
    [200, { errcode: 42900, errmsg: "接口调用过于频繁" }, "rateLimited"],
    [500, { error: "server_error" }, "server"],
    [200, {}, "unknown"],
  ])("token request: HTTP %i %j is %s", (status, body, expected) => {
    const outcome = client.interpret(token, answer(status, body));
    expect(outcome.ok ? "ok" : outcome.failure).toBe(expected);
  });

  it("keeps the vendor's code and message", () => {
    expect(client.interpret(call, answer(200, { errcode: 60004, errmsg: "部门下存在员工,不能删除" }))).toEqual({
      ok: false,
      failure: "conflict",
      code: 60004,
      message: "部门下存在员工,不能删除",
    });
  });

  it("sends the credentials form-encoded in the body of the token request, never in the URL", () => {
    const prepared = client.prepare(client.tokenRequest(0)!, 0);
    expect(prepared.url).toBe("https://api.xinrenxinshi.com/authorize/oauth/token");
    expect(prepared.body).toBe("grant_type=client_credentials&client_id=key&client_secret=secret-value");
  });
});

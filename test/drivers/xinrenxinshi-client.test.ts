import { describe, expect, it } from "vitest";
import { TOKEN_PATH, XinrenxinshiClient } from "../../src/drivers/xinrenxinshi/client.js";
import { signBody } from "../../src/drivers/xinrenxinshi/sign.js";
import type { VendorRequest } from "../../src/model/request.js";

const client = new XinrenxinshiClient("https://api.xinrenxinshi.com/", "key", "secret-value");
const call: VendorRequest = { method: "POST", path: "/v5/department/update", body: {}, bucket: "u" };
const token: VendorRequest = { method: "POST", path: TOKEN_PATH, body: {}, bucket: "t" };
const answer = (status: number, body: unknown) => ({ status, headers: {}, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("xinrenxinshi answers", () => {
  it.each([
    [200, { errcode: 0, errmsg: "成功", data: null }, "ok"],
    [200, { errcode: 0, errmsg: "成功", data: [{ departmentId: "x", remark: "invalid_token" }] }, "ok"],
    [401, { error: "invalid_token", error_description: "Access token expired: x" }, "tokenExpired"],
    [401, "", "tokenExpired"],
    [400, { error: "invalid_token", error_description: "Invalid access token" }, "tokenExpired"],
    [200, { errcode: 40100, errmsg: "access_token无效或已过期" }, "tokenExpired"],
    [200, { errcode: 12345, errmsg: "令牌已失效" }, "tokenExpired"],
    [429, { errcode: 42900, errmsg: "接口调用过于频繁" }, "rateLimited"],
    [429, "Too Many Requests", "rateLimited"],
    [500, { status: 500, error: "Internal Server Error" }, "server"],
    [503, { status: 503, error: "Service Unavailable" }, "server"],
    [502, "<html>Bad Gateway</html>", "server"],
    [403, { status: 403, error: "Forbidden" }, "permission"],
    [404, { status: 404, error: "Not Found" }, "notFound"],
    [200, "<html>oops</html>", "unknown"],
    [200, {}, "unknown"],
  ])("HTTP %i %j is %s", (status, body, expected) => {
    const outcome = client.interpret(call, answer(status, body));
    expect(outcome.ok ? "ok" : outcome.failure).toBe(expected);
  });

  it.each([40001, 42900, 50001, 60002, 60004, 99999, 1])("shows errcode %i as it came: a refusal, never retried", (errcode) => {
    expect(client.interpret(call, answer(200, { errcode, errmsg: "部门下存在员工,不能删除" }))).toEqual({
      ok: false,
      failure: "invalid",
      code: errcode,
      message: "部门下存在员工,不能删除",
    });
  });

  it.each([
    [200, { access_token: "t", token_type: "bearer", expires_in: 7199, scope: "OPENAPI" }, "ok"],
    [400, { error: "invalid_client", error_description: "Bad client credentials" }, "auth"],
    [401, { error: "unauthorized", error_description: "Full authentication is required" }, "auth"],
    [200, { errcode: 1, errmsg: "应用不存在" }, "auth"],
    [429, { errcode: 42900, errmsg: "接口调用过于频繁" }, "rateLimited"],
    [500, { error: "server_error" }, "server"],
    [200, { access_token: "" }, "unknown"],
    [200, {}, "unknown"],
  ])("token request: HTTP %i %j is %s", (status, body, expected) => {
    const outcome = client.interpret(token, answer(status, body));
    expect(outcome.ok ? "ok" : outcome.failure).toBe(expected);
  });

  it("sends the credentials form-encoded in the body of the token request, never in the URL", () => {
    const prepared = client.prepare(client.tokenRequest(0)!, 0);
    expect(prepared.url).toBe("https://api.xinrenxinshi.com/authorize/oauth/token");
    expect(prepared.body).toBe("grant_type=client_credentials&client_id=key&client_secret=secret-value");
  });

  it("sends the companyId header only when the target sets it", () => {
    const group = new XinrenxinshiClient("https://api.xinrenxinshi.com", "key", "secret-value", { companyId: "c-2" });
    expect(group.prepare(call, 0).headers["companyId"]).toBe("c-2");
    expect(client.prepare(call, 0).headers).not.toHaveProperty("companyId");
  });
});

describe("xinrenxinshi signature", () => {
  it("matches the known vector: key 123456, message hello", () => {
    expect(signBody("123456", "hello")).toBe("NYSQUfYBHG0EZ6pU+r+Iw4CvPIQ=");
  });

  it("signs the exact body bytes sent and URL-encodes the Base64 once into sign", () => {
    const prepared = client.prepare({ method: "POST", path: "/v5/department/list", body: { name: "研发中心" }, bucket: "x" }, 1625827438929);

    expect(prepared.body).toBe('{"name":"研发中心","timestamp":1625827438929}');
    const sign = signBody("secret-value", prepared.body ?? "");
    expect(new URL(prepared.url).search).toBe(`?sign=${encodeURIComponent(sign)}`);
    expect(new URL(prepared.url).searchParams.get("sign")).toBe(sign);
  });
});

import { describe, expect, it } from "vitest";
import { JiandaoyunClient } from "../../src/drivers/jiandaoyun/client.js";
import type { HttpResponse, VendorRequest } from "../../src/model/request.js";

const client = new JiandaoyunClient("https://api.jiandaoyun.com", "key-1234");
const request: VendorRequest = { method: "POST", path: "/api/v5/corp/role/list", body: { skip: 0, limit: 100 }, bucket: "/api/v5/corp/role/list" };
const answer = (status: number, body: unknown): HttpResponse => ({ status, headers: {}, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("jiandaoyun client", () => {
  it("sends a POST with the Bearer key and the JSON body", () => {
    expect(client.prepare(request)).toEqual({
      method: "POST",
      url: "https://api.jiandaoyun.com/api/v5/corp/role/list",
      headers: { authorization: "Bearer key-1234", "content-type": "application/json" },
      body: '{"skip":0,"limit":100}',
    });
    expect(client.secrets()).toEqual(["key-1234"]);
    expect(client.tokenRequest()).toBeUndefined();
  });

  it.each([
    [400, { code: 8301, msg: "m" }, "auth", 8301],
    [400, { code: 17018, msg: "m" }, "auth", 17018],
    [400, { code: 17052, msg: "m" }, "auth", 17052],
    [400, { code: 17054, msg: "m" }, "auth", 17054],
    [400, { code: 8302, msg: "m" }, "permission", 8302],
    [400, { code: 8303, msg: "m" }, "rateLimited", 8303],
    [400, { code: 8304, msg: "m" }, "rateLimited", 8304],
    [400, { code: 9007, msg: "m" }, "busy", 9007],
    [400, { code: 1201, msg: "m" }, "notFound", 1201],
    [400, { code: 1206, msg: "m" }, "notFound", 1206],
    [400, { code: 1010, msg: "m" }, "notFound", 1010],
    [400, { code: 1202, msg: "m" }, "permission", 1202],
    [400, { code: 1207, msg: "m" }, "invalid", 1207],
    [400, { code: 1208, msg: "m" }, "conflict", 1208],
    [400, { code: 424242, msg: "m" }, "invalid", 424242],
    [429, "", "rateLimited", "HTTP 429"],
    [502, "Bad Gateway", "server", "HTTP 502"],
    [404, { msg: "no API" }, "unknown", "HTTP 404"],
    [200, "<html>", "unknown", "HTTP 200"],
  ])("reads HTTP %s %j as %s", (status, body, failure, code) => {
    expect(client.interpret(request, answer(status, body))).toMatchObject({ ok: false, failure, code });
  });

  it("passes the vendor's message through", () => {
    expect(client.interpret(request, answer(400, { code: 1208, msg: "角色组下有角色" }))).toEqual({ ok: false, failure: "conflict", code: 1208, message: "角色组下有角色" });
  });

  it("returns a success body as data", () => {
    expect(client.interpret(request, answer(200, { roles: [] }))).toEqual({ ok: true, data: { roles: [] } });
  });

  it.each([
    ["an empty body", ""],
    ["null", "null"],
  ])("counts a write answered 2xx with %s as done, but not a list or a create", (_what, body) => {
    const write: VendorRequest = { method: "POST", path: "/api/v5/corp/role/delete", body: { role_no: 1 }, bucket: "d" };
    const create: VendorRequest = { method: "POST", path: "/api/v5/corp/role/create", body: {}, bucket: "c", capture: { role_no: "role.role_no" } };

    expect(client.interpret(write, answer(200, body))).toEqual({ ok: true, data: {} });
    expect(client.interpret(request, answer(200, body))).toMatchObject({ ok: false, failure: "unknown" });
    expect(client.interpret(create, answer(200, body))).toMatchObject({ ok: false, failure: "unknown" });
  });

  it("reads the message from message when msg is absent", () => {
    expect(client.interpret(request, answer(400, { code: 1201, message: "角色不存在" }))).toMatchObject({ failure: "notFound", message: "角色不存在" });
  });
});

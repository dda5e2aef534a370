import { describe, expect, it } from "vitest";
import { LOGIN_PATH } from "../../src/drivers/o2oa/api.js";
import { O2oaClient } from "../../src/drivers/o2oa/client.js";
import { classifyPlatformError, classifySyncError } from "../../src/drivers/o2oa/errors.js";
import { SYNC_PATH } from "../../src/drivers/o2oa/kinds/unit-body.js";
import { unit } from "../../src/drivers/o2oa/kinds/unit.js";
import { ssoToken } from "../../src/drivers/o2oa/sso.js";
import { toLiveUnits } from "../../src/drivers/o2oa/wire.js";
import { fieldSpecOf } from "../../src/model/kind.js";
import type { HttpResponse, VendorRequest } from "../../src/model/request.js";
import { diffFields } from "../../src/planner/diff.js";

describe("o2oa SSO token", () => {
  // Expected values computed with the Java JCE (javax.crypto "DES", DESKeySpec), as the platform does.
  it.each([
    ["orgsync", "yqayaDfg4lYcr-csK6ki7oqpKExOvP1L"],
    ["张三", "hKI-KF1Zn4sB79vBLmcONfAMdo8xHUCEb3HOBP7RqWQintFrVM6LdA"],
  ])("seals %s#<time> with DES under the key's first 8 bytes", (credential, expected) => {
    expect(ssoToken(credential, "o2oa-sso-shared-key", 1_700_000_000_000)).toBe(expected);
  });

  it("refuses a key shorter than the 8 bytes DES needs", () => {
    expect(() => ssoToken("orgsync", "short", 1)).toThrow(/at least 8 bytes/);
  });
});

describe("o2oa failure classes", () => {
  it.each([
    ["not cipher or manager or user.", undefined, "tokenExpired"],
    ["用户:anonymous 权限不足.", "com.x.base.core.project.exception.ExceptionAccessDenied", "tokenExpired"],
    ["用户:张三@zs@P 权限不足.", "com.x.base.core.project.exception.ExceptionAccessDenied", "permission"],
    ["组织:x不存在.", "com.x.organization.assemble.control.jaxrs.unit.ExceptionUnitNotExist", "notFound"],
    ["唯一标识重复.", "com.x.organization.assemble.control.jaxrs.unit.ExceptionDuplicateUnique", "conflict"],
    ["用户不存在或者密码错误.", "com.x.organization.assemble.authentication.jaxrs.authentication.ExceptionPersonNotExistOrInvalidPassword", "auth"],
    ["组织 X 名称不符合要求.", "com.x.organization.assemble.control.jaxrs.unit.ExceptionNameInvalid", "invalid"],
    ["java.sql.SQLException: connection refused", undefined, "server"],
    // The current token filter: HTTP 401 and the prompt, whatever language the message is in.
    ["会话已过期或未登录.", "com.x.base.core.project.exception.ExceptionUnauthorized", "tokenExpired"],
    ["Session expired or not logged in.", "com.x.base.core.project.exception.ExceptionUnauthorized", "tokenExpired"],
    ["セッションが切れました", "com.x.base.core.project.exception.ExceptionUnauthorized", "tokenExpired"],
  ])("%s (%s) → %s", (message, prompt, expected) => {
    expect(classifyPlatformError(message, prompt, prompt?.endsWith("Unauthorized") ? 401 : 500)).toBe(expected);
  });

  it.each([
    ["同级组织名称重复: 研发部.", "conflict"],
    ["组织唯一编码已存在: rd.", "conflict"],
    ["上级组织不存在: x.", "notFound"],
    ["用户:anonymous 权限不足.", "tokenExpired"],
    ["组织名称不符合要求: a/b.", "invalid"],
  ])("sync description %s → %s", (description, expected) => {
    expect(classifySyncError(description)).toBe(expected);
  });
});

describe("O2oaClient", () => {
  const request: VendorRequest = { method: "GET", path: "/x_organization_assemble_control/jaxrs/unit/list/(0)/next/200", bucket: "b" };
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: JSON.stringify(body) });

  function loggedIn(): O2oaClient {
    const client = new O2oaClient("http://oa.example", { credential: "orgsync", password: "pw" });
    client.acceptToken({ token: "t-1" }, 0);
    return client;
  }

  it("sends the token as x-token and switches to the newer token an answer carries", () => {
    const client = loggedIn();
    expect(client.prepare(request, 0).headers["x-token"]).toBe("t-1");

    const outcome = client.interpret(request, answer(200, { type: "success", data: [] }, { "x-token": "t-2" }));

    expect(outcome).toEqual({ ok: true, data: { rows: [], total: undefined } });
    expect(client.prepare(request, 0).headers["x-token"]).toBe("t-2");
  });

  it("sends and adopts the token under a configured token name, and ignores one under x-token", () => {
    const client = new O2oaClient("http://oa.example", { credential: "orgsync", password: "pw", tokenName: "O2-Auth" });
    client.acceptToken({ token: "t-1" }, 0);
    expect(client.prepare(request, 0).headers).toMatchObject({ "o2-auth": "t-1" });
    expect(client.prepare(request, 0).headers["x-token"]).toBeUndefined();

    client.interpret(request, answer(200, { type: "success", data: [] }, { "x-token": "other" }));
    expect(client.currentToken()).toBe("t-1");
    client.interpret(request, answer(200, { type: "success", data: [] }, { "o2-auth": "t-2" }));
    expect(client.currentToken()).toBe("t-2");
    expect(client.secrets()).toContain("t-2");
  });

  it("keeps its token when an error answer carries another", () => {
    const client = loggedIn();

    client.interpret(request, answer(500, { type: "error", message: "not cipher or manager or user." }, { "x-token": "anonymous" }));

    expect(client.currentToken()).toBe("t-1");
  });

  it("turns a sync result 'error' into a failure, never a success", () => {
    const client = loggedIn();
    const sync: VendorRequest = { method: "POST", path: SYNC_PATH, body: {}, bucket: SYNC_PATH };

    const outcome = client.interpret(sync, answer(200, { type: "success", data: { value: { result: "error", description: "同级组织名称重复: 研发部." } } }));

    expect(outcome).toEqual({ ok: false, failure: "conflict", code: "result:error", message: "同级组织名称重复: 研发部." });
    expect(client.interpret(sync, answer(200, { type: "success", data: {} }))).toMatchObject({ ok: false, failure: "unknown" });
  });

  it("calls any refused login an auth failure, and a proxy's HTML page a server failure", () => {
    const client = new O2oaClient("http://oa.example", { credential: "orgsync", password: "pw" });
    const login: VendorRequest = { method: "POST", path: LOGIN_PATH, body: {}, bucket: LOGIN_PATH };

    expect(client.interpret(login, answer(500, { type: "error", message: "not cipher or manager or user." }))).toMatchObject({ ok: false, failure: "auth" });
    expect(client.interpret(request, { status: 502, headers: {}, body: "<html>Bad Gateway</html>" })).toMatchObject({ ok: false, failure: "server" });
  });
});

describe("o2oa.Unit canonical form", () => {
  it("declares attribute and duty fields as families the planner resolves", () => {
    expect(fieldSpecOf(unit.fields, "duty.部门领导")).toEqual({ type: "set" });
    expect(fieldSpecOf(unit.fields, "attribute.a.b")).toEqual({ type: "scalar", unordered: true });
    expect(fieldSpecOf(unit.fields, "nothing.x")).toBeUndefined();
    expect(diffFields({ "duty.d": ["b", "c"] }, { "duty.d": ["a", "b"] }, unit.fields, "authoritative")).toEqual([{ field: "duty.d", add: ["c"], remove: ["a"] }]);
  });

  it("imports a live unit as an item that maps back to the same fields", () => {
    const [live] = toLiveUnits(
      "oa",
      [
        { id: "1", name: "总部", unique: "hq" },
        { id: "2", name: "研发部", unique: "rd", superior: "1", typeList: ["部门"], orderNumber: 3, description: "d" },
      ].reverse(),
      [{ id: "a", name: "地址", unit: "2", attributeList: ["杭州"], orderNumber: 1 }],
      [{ id: "d", name: "部门领导", unit: "2", identityList: ["z@z@I"], description: "主管" }],
      [{ id: "i", unit: "2", distinguishedName: "张三@i1@I" }],
    );

    const item = unit.toItem(live!);
    const back = unit.toCanonical(item);

    expect(item).toMatchObject({ unique: "rd", superior: "hq", attributeList: [{ name: "地址", value: ["杭州"], orderNumber: 1 }], dutyList: [{ name: "部门领导", value: ["z@z@I"], description: "主管" }] });
    for (const [field, value] of Object.entries(back.fields)) expect([field, live!.fields[field]]).toEqual([field, value]);
  });

  it("marks an add as not safe to repeat blindly, and updates and deletes as safe", () => {
    const [live] = toLiveUnits("oa", [{ id: "1", name: "总部", unique: "hq" }], [], [], []);
    const ctx = { target: "oa", live: () => live, idOf: () => undefined, keyAfter: (_k: string, key: string) => key };
    const create = unit.compile({ id: "oa/o2oa.Unit/rd", target: "oa", kind: "o2oa.Unit", key: "rd", op: "create", changes: [{ field: "name", after: "研发部" }], dependsOn: [] }, { ...ctx, live: () => undefined });
    const update = unit.compile({ id: "oa/o2oa.Unit/hq", target: "oa", kind: "o2oa.Unit", key: "hq", op: "update", changes: [{ field: "name", before: "总部", after: "集团" }], dependsOn: [] }, ctx);
    const remove = unit.compile({ id: "oa/o2oa.Unit/hq", target: "oa", kind: "o2oa.Unit", key: "hq", op: "delete", changes: [], dependsOn: [] }, ctx);

    expect(create.map((r) => [r.body && (r.body as Record<string, unknown>)["action"], r.retrySafe])).toEqual([["add", false]]);
    expect([...update, ...remove].map((r) => r.retrySafe)).toEqual([undefined, undefined]);
    expect((update[0]?.body as Record<string, unknown>)["distinguishedName"]).toBe("集团@hq@U");
  });
});

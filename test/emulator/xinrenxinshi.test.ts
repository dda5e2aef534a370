import { describe, expect, it } from "vitest";
import { signBody } from "../../src/drivers/xinrenxinshi/sign.js";
import type { XrxsSection } from "../../src/emulator/xinrenxinshi/state.js";
import { connectedClient, dept, ID, signedCall, SECRET, tenant } from "../drivers/xinrenxinshi-fixtures.js";
import { useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
const state = () => emulators.current().vendor("xinrenxinshi").getState() as XrxsSection;
const find = (code: string) => state().departments.find((d) => d.code === code);

describe("xinrenxinshi signing", () => {
  it("signs the exact body sent, with the timestamp last, and URL-encodes the sign", async () => {
    const emulator = await emulators.start(tenant([]));
    const client = await connectedClient(emulator.url);

    const prepared = client.prepare({ method: "POST", path: "/v5/department/list", body: { fetchChild: 1 }, bucket: "x" }, 1625827438929);

    expect(prepared.body).toBe('{"fetchChild":1,"timestamp":1625827438929}');
    const sign = signBody(SECRET, prepared.body ?? "");
    expect(new URL(prepared.url).search).toBe(`?sign=${encodeURIComponent(sign)}`);
    expect(prepared.headers["access_token"]).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("xinrenxinshi emulator over HTTP", () => {
  it("refuses a wrong app secret at the token endpoint, OAuth style", async () => {
    const emulator = await emulators.start(tenant([]));
    const res = await fetch(`${emulator.url}/xinrenxinshi/authorize/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&client_id=hr-sync-app&client_secret=wrong",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_client", error_description: "Bad client credentials" });
  });

  it("refuses a body changed after signing, and changes nothing", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));
    const client = await connectedClient(emulator.url);

    const answer = await signedCall(client, "/v5/department/update", { departmentId: ID.rd, name: "研发部" }, { tamper: (b) => b.replace("研发部", "销售部") });

    expect(answer.json).toMatchObject({ errcode: 40001 });
    // The emulator's own code: the driver shows it as it came, a refusal that is not retried.
    expect(client.interpret({ method: "POST", path: "/v5/department/update", bucket: "u" }, { status: answer.status, headers: {}, body: JSON.stringify(answer.json) })).toMatchObject({
      ok: false,
      failure: "invalid",
      code: 40001,
    });
    expect(find("RD")?.name).toBe("研发中心");
  });

  it("accepts a sign URL-encoded twice, as coobin/xrxs2ldap sends it", async () => {
    const emulator = await emulators.start(tenant([]));
    const client = await connectedClient(emulator.url);
    const prepared = client.prepare({ method: "POST", path: "/v5/department/list", body: {}, bucket: "x" }, Date.now());
    const sign = signBody(SECRET, prepared.body ?? "");
    const url = `${prepared.url.split("?")[0]}?sign=${encodeURIComponent(encodeURIComponent(sign))}`;

    const res = await fetch(url, { method: "POST", headers: prepared.headers, body: prepared.body });

    expect(await res.json()).toMatchObject({ errcode: 0 });
  });

  it("refuses a call signed with another secret", async () => {
    const emulator = await emulators.start(tenant([]));
    const good = await connectedClient(emulator.url);
    const prepared = good.prepare({ method: "POST", path: "/v5/department/list", body: {}, bucket: "x" }, Date.now());
    const url = new URL(prepared.url);
    url.searchParams.set("sign", signBody("not-the-secret", prepared.body ?? ""));

    const res = await fetch(url, { method: "POST", headers: prepared.headers, body: prepared.body });

    expect(await res.json()).toMatchObject({ errcode: 40001 });
  });

  it.each([
    ["six minutes old", -6 * 60_000, 40002],
    ["six minutes ahead", 6 * 60_000, 40002],
    ["four minutes old", -4 * 60_000, 0],
  ])("checks the timestamp window: %s", async (_label, offset, errcode) => {
    const emulator = await emulators.start(tenant([]));
    const client = await connectedClient(emulator.url);

    const answer = await signedCall(client, "/v5/department/list", {}, { now: Date.now() + offset });

    expect(answer.json.errcode).toBe(errcode);
  });

  it("answers a missing or unknown token with HTTP 401 invalid_token", async () => {
    const emulator = await emulators.start(tenant([]));
    const res = await fetch(`${emulator.url}/xinrenxinshi/v5/department/list?sign=x`, { method: "POST", body: "{}", headers: { access_token: "nope" } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_token" });
  });

  it("rejects a department write that arrives while another is being processed", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.sales, "SALES", "销售部")], { limits: { writeDelayMs: 100 } }));
    const client = await connectedClient(emulator.url);

    const answers = await Promise.all([
      signedCall(client, "/v5/department/update", { departmentId: ID.rd, name: "研发部" }),
      signedCall(client, "/v5/department/update", { departmentId: ID.sales, name: "销售中心" }),
    ]);

    expect(answers.map((a) => a.json.errcode).sort()).toEqual([0, 50002]);
  });

  it("creates departments with 32-hex ids under an existing parent", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));
    const client = await connectedClient(emulator.url);

    const answer = await signedCall(client, "/v5/department/create", { name: "平台组", code: "RD-PLATFORM", parentId: ID.rd, type: 3 });

    const id = (answer.json.data as { id: string }).id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(find("RD-PLATFORM")).toMatchObject({ departmentId: id, parentId: ID.rd, type: 3 });
    const dup = await signedCall(client, "/v5/department/create", { name: "again", code: "RD-PLATFORM" });
    expect(dup.json.errcode).toBe(60002);
  });

  it("clears the department head when an update leaves adminId out, keeps other fields", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心", { adminId: "emp-head-1", city: "武汉市" })]));
    const client = await connectedClient(emulator.url);

    await signedCall(client, "/v5/department/update", { departmentId: ID.rd, name: "研发部" });

    expect(find("RD")).toMatchObject({ name: "研发部", adminId: "", city: "武汉市" });
  });

  it("refuses to delete a department that has sub-departments or employees", async () => {
    const emulator = await emulators.start(
      tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.platform, "RD-PLATFORM", "平台组", { parentId: ID.rd }), dept(ID.sales, "SALES", "销售部")], {
        employees: [{ employeeId: "e1", name: "赵六", departmentId: ID.sales }],
      }),
    );
    const client = await connectedClient(emulator.url);

    const withChild = await signedCall(client, "/v5/department/delete", { departmentId: ID.rd });
    const withEmployee = await signedCall(client, "/v5/department/delete", { departmentId: ID.sales });
    const leaf = await signedCall(client, "/v5/department/delete", { departmentId: ID.platform });

    expect([withChild.json.errcode, withEmployee.json.errcode, leaf.json.errcode]).toEqual([60003, 60004, 0]);
    expect(state().departments.map((d) => d.code)).toEqual(["RD", "SALES"]);
  });

  it.each([
    [{ 数值: "12a" }, 60007],
    [{ 单行文本: "一二三四五六七八九十十一" }, 60007],
    [{ 成立日期: "2024/01/02" }, 60007],
    [{ 级别: "D" }, 60007],
    [{ 地区精确到地级市: "1711" }, 60007],
    [{ 不存在的字段: "x" }, 60007],
    [{ 数值: "111221.000", 单行文本: "我是单行文本1", 成立日期: "2024-02-29", 级别: "B", 地区精确到地级市: "171", 地区精确到区县: "1711" }, 0],
  ])("checks custom field values %j", async (fields, errcode) => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));
    const client = await connectedClient(emulator.url);

    const answer = await signedCall(client, "/v5/department/update", { departmentId: ID.rd, fields });

    expect(answer.json.errcode).toBe(errcode);
  });

  it("refuses a department type the tenant does not have", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));
    const client = await connectedClient(emulator.url);

    const unknown = await signedCall(client, "/v5/department/update", { departmentId: ID.rd, type: 9 });
    const custom = await signedCall(client, "/v5/department/update", { departmentId: ID.rd, type: 7 });

    expect([unknown.json.errcode, custom.json.errcode]).toEqual([60006, 0]);
  });

  it("lists one department and its subtree", async () => {
    const emulator = await emulators.start(
      tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.platform, "P", "平台组", { parentId: ID.rd }), dept(ID.infra, "I", "基础组", { parentId: ID.platform }), dept(ID.sales, "S", "销售部")]),
    );
    const client = await connectedClient(emulator.url);

    const answer = await signedCall(client, "/v5/department/list", { departmentId: ID.rd, fetchChild: 1 });

    expect((answer.json.data as { code: string }[]).map((d) => d.code)).toEqual(["RD", "P", "I"]);
  });

  it("keeps disabled departments, lists them with status 1 only, and refuses a create of their code", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.sales, "OLD", "旧销售部", { status: 1 })]));
    const client = await connectedClient(emulator.url);

    const normal = await signedCall(client, "/v5/department/list", {});
    const disabled = await signedCall(client, "/v5/department/list", { status: 1 });
    const create = await signedCall(client, "/v5/department/create", { name: "新销售部", code: "OLD" });

    expect((normal.json.data as { code: string }[]).map((d) => d.code)).toEqual(["RD"]);
    expect((disabled.json.data as { code: string; status: number }[]).map((d) => [d.code, d.status])).toEqual([["OLD", 1]]);
    expect(create.json).toMatchObject({ errcode: 60002 });
    expect(state().departments).toHaveLength(2);
  });

  it("ignores the status filter when the state says so", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.sales, "OLD", "旧销售部", { status: 1 })], { listIgnoresStatus: true }));
    const client = await connectedClient(emulator.url);

    const disabled = await signedCall(client, "/v5/department/list", { status: 1 });

    expect((disabled.json.data as { code: string }[]).map((d) => d.code)).toEqual(["RD"]);
  });

  it("answers throttling with HTTP 429 and a lapsed token in the shape the state chooses", async () => {
    const emulator = await emulators.start(tenant([], { limits: { qps: 1 }, expiredTokenAnswer: "envelope" }));
    const client = await connectedClient(emulator.url);

    const answers = [await signedCall(client, "/v5/department/list", {}), await signedCall(client, "/v5/department/list", {})];
    const res = await fetch(`${emulator.url}/xinrenxinshi/v5/department/list?sign=x`, { method: "POST", body: "{}", headers: { access_token: "nope" } });

    expect(answers.map((a) => a.status)).toEqual([200, 429]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ errcode: 40100, errmsg: "access_token无效或已过期" });
  });

  it("requires the companyId header when the account has several companies", async () => {
    const emulator = await emulators.start(tenant([], { companyIds: ["c-1", "c-2"] }));
    const client = await connectedClient(emulator.url);
    const prepared = client.prepare({ method: "POST", path: "/v5/department/list", body: {}, bucket: "x" }, Date.now());

    const without = await fetch(prepared.url, { method: "POST", headers: prepared.headers, body: prepared.body });
    const withCompany = await fetch(prepared.url, { method: "POST", headers: { ...prepared.headers, companyId: "c-1" }, body: prepared.body });

    expect(await without.json()).toMatchObject({ errcode: 40300 });
    expect(await withCompany.json()).toMatchObject({ errcode: 0 });
  });
});

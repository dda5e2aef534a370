import { beforeEach, describe, expect, it } from "vitest";
import { useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { APP_ID, APP_TOKEN, CLIENT_ID, tenant } from "../drivers/isdp-tenant.js";

const emu = useEmulator();
let emulator: TestEmulator;
const START_PERSONS = () => [
  { personCode: "h1@hw", personName: "One", personStatus: "OpenAccount" },
  { personCode: "cam-1", personName: "Gate camera", isSmartDevice: "Y" },
];
beforeEach(async () => {
  emulator = await emu.start(tenant(START_PERSONS(), { limits: { batch: 3, page: 2 }, udfExtendEnabled: [1] }));
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${emulator.url}/isdp${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function token(): Promise<string> {
  const answer = await post("/oauth2/oauth/rest_token", { client_id: CLIENT_ID, client_secret: CLIENT_ID, grant_type: "password", username: APP_ID, password: APP_TOKEN });
  return String(answer.body["access_token"]);
}

async function call(path: string, body: unknown) {
  return post(path, body, { authorization: `bearer ${await token()}` });
}

const persons = () => (emulator.vendor("isdp").getState() as { persons: Record<string, unknown>[] }).persons;

describe("the isdp emulator", () => {
  it("issues bearer tokens for the password grant with expires_in, and refuses wrong credentials", async () => {
    const good = await post("/oauth2/oauth/rest_token", { client_id: CLIENT_ID, client_secret: CLIENT_ID, grant_type: "password", username: APP_ID, password: APP_TOKEN });
    const badSecret = await post("/oauth2/oauth/rest_token", { client_id: CLIENT_ID, client_secret: "other", grant_type: "password", username: APP_ID, password: APP_TOKEN });
    const badToken = await post("/oauth2/oauth/rest_token", { client_id: CLIENT_ID, client_secret: CLIENT_ID, grant_type: "password", username: APP_ID, password: "nope" });

    expect(good).toMatchObject({ status: 200, body: { token_type: "bearer", expires_in: 1799, scope: "all" } });
    expect(badSecret).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(badToken).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("answers 401 invalid_token for an expired token and 401 unauthorized without one", async () => {
    const t = await token();
    emulator.vendor("isdp").expireTokens();

    const expired = await post("/openapi/v1/person/getPersonList", {}, { authorization: `bearer ${t}` });
    const missing = await post("/openapi/v1/person/getPersonList", {});

    expect(expired).toEqual({ status: 401, body: { error: "invalid_token", error_description: "check_token error" } });
    expect(missing).toMatchObject({ status: 401, body: { error: "unauthorized" } });
  });

  it("appends @hw to the code batchUpdatePerson is sent and updates that person", async () => {
    const answer = await call("/openapi/v1/person/batchUpdatePerson", { personList: [{ personCode: "h1", personName: "Uno" }] });

    expect(answer.body).toEqual({ status: "success", msg: null, data: null, success: true, failed: false });
    expect(persons()[0]).toEqual(expect.objectContaining({ personCode: "h1@hw", personName: "Uno" }));
  });

  it("stores persons made by batchAdd under <code>@hw", async () => {
    await call("/openapi/v1/person/batchAdd", { personList: [{ personCode: "h2", personName: "Two", openAccount: "1" }] });

    expect(persons().at(-1)).toMatchObject({ personCode: "h2@hw", personName: "Two", openAccount: 1, personStatus: "OpenAccount" });
  });

  it.each([
    ["more persons than the batch limit", { personList: [{ personCode: "a" }, { personCode: "b" }, { personCode: "c" }, { personCode: "d" }] }, "at most 3"],
    ["a personType outside the enum", { personList: [{ personCode: "a" }, { personCode: "b", personType: "Boss" }] }, "personType"],
    ["an isSmartDevice other than Y/N", { personList: [{ personCode: "a", isSmartDevice: "yes" }] }, "isSmartDevice"],
    ["a blackList other than 0/1", { personList: [{ personCode: "a", blackList: 2 }] }, "blackList"],
    ["an extension field the tenant did not enable", { personList: [{ personCode: "a", udfExtend2: "x" }] }, "udfExtend2 is not enabled"],
    ["a non-numeric qualification id", { personList: [{ personCode: "a", qualificationCode: "6a" }] }, "qualificationCode"],
    ["a row without personCode", { personList: [{ personCode: "a" }, { personName: "x" }] }, "personCode is required"],
    ["a code that already exists", { personList: [{ personCode: "a" }, { personCode: "h1" }] }, "h1 already exists"],
  ])("fails the whole batchAdd for %s, with the reason in msg", async (_what, body, reason) => {
    const before = structuredClone(persons());

    const answer = await call("/openapi/v1/person/batchAdd", body);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "failed", success: false, failed: true, data: null });
    expect(String(answer.body["msg"])).toContain(reason);
    expect(persons()).toEqual(before);
  });

  it("refuses to update a code whose <code>@hw person does not exist", async () => {
    const answer = await call("/openapi/v1/person/batchUpdatePerson", { personList: [{ personCode: "h1@hw" }] });

    expect(answer.body).toMatchObject({ status: "failed", msg: "person h1@hw@hw does not exist" });
  });

  it("deregisters by the code as sent, leaving the person in status Cancel", async () => {
    const unsuffixed = await call("/openapi/v1/person/deregisterPerson", { personCode: "h1" });
    const stored = await call("/openapi/v1/person/deregisterPerson", { personCode: "h1@hw" });

    expect(unsuffixed.body).toMatchObject({ status: "failed" });
    expect(stored.body).toMatchObject({ status: "success", msg: "注销人员成功" });
    expect(persons()[0]).toMatchObject({ personStatus: "Cancel" });
  });

  it("pages getPersonList with page.start/page.count, serves at most its page size, leaves devices out on N and masks phones", async () => {
    await call("/openapi/v1/person/batchAdd", { personList: [{ personCode: "h2", phone: "13572003278", roleNo: "r1,r2", email: "h2@example.com" }, { personCode: "h3" }] });

    const second = await call("/openapi/v1/person/getPersonList", { page: { start: 1, count: 2 }, isSmartDevice: "N" });
    const capped = await call("/openapi/v1/person/getPersonList", { page: { start: 0, count: 3 }, isSmartDevice: "N" });

    expect(second.body).toMatchObject({ pos: 1, totalCount: 3, total_count: 3 });
    const rows = second.body["data"] as Record<string, unknown>[];
    expect(rows.map((r) => r["personCode"])).toEqual(["h2@hw", "h3@hw"]);
    expect(rows[0]).toMatchObject({ phone: "135******78", roleInfo: [{ roleCode: "r1" }, { roleCode: "r2" }] });
    // The list returns only what the vendor's response example shows: no email.
    expect(rows[0]).not.toHaveProperty("email");
    expect((capped.body["data"] as unknown[]).length).toBe(2);
  });

  it("refuses a page above its size when told to", async () => {
    emulator.vendor("isdp").setState(tenant(START_PERSONS(), { limits: { page: 2, refuseLargePages: true } })["isdp"]);

    const tooBig = await call("/openapi/v1/person/getPersonList", { page: { start: 0, count: 3 } });

    expect(tooBig.body).toMatchObject({ status: "failed" });
  });

  it.each([
    ["Y", ["cam-1"]],
    ["N", ["h1@hw"]],
    [undefined, ["h1@hw", "cam-1"]],
  ])("lists with isSmartDevice %s only the matching accounts", async (flag, codes) => {
    const answer = await call("/openapi/v1/person/getPersonList", { page: { start: 0, count: 2 }, isSmartDevice: flag });

    expect((answer.body["data"] as { personCode: string }[]).map((r) => r.personCode).sort()).toEqual([...codes].sort());
  });

  it("stores batchAdd persons under the code as sent when batchAddStores is asSent; batchUpdatePerson then cannot reach them", async () => {
    emulator.vendor("isdp").setState(tenant([], { batchAddStores: "asSent" })["isdp"]);

    await call("/openapi/v1/person/batchAdd", { personList: [{ personCode: "h4", personName: "Four" }] });
    const viaHw = await call("/openapi/v1/person/batchUpdatePerson", { personList: [{ personCode: "h4", personName: "Vier" }] });

    expect(persons()).toEqual([expect.objectContaining({ personCode: "h4", personName: "Four" })]);
    expect(viaHw.body).toMatchObject({ status: "failed", msg: "person h4@hw does not exist" });
  });

  it("updates by the code as sent through person/batchUpdate, which needs name, type, status and organisation", async () => {
    const partial = await call("/openapi/v1/person/batchUpdate", { personList: [{ personCode: "h1@hw", personName: "Eins" }] });
    const full = await call("/openapi/v1/person/batchUpdate", {
      personList: [{ orgNo: "hq", personCode: "h1@hw", personName: "Eins", personStatus: "OpenAccount", personType: "Employee", email: "ignored@example.com" }],
    });

    expect(partial.body).toMatchObject({ status: "failed", msg: "personCode h1@hw: personType, personStatus, orgNo required" });
    expect(full.body).toEqual({ status: "success", msg: null, data: null });
    expect(persons()[0]).toMatchObject({ personName: "Eins", orgNo: "hq" });
    expect(persons()[0]).not.toHaveProperty("email");
  });

  it("deregisters a batch by codes as sent, all or nothing", async () => {
    await call("/openapi/v1/person/batchAdd", { personList: [{ personCode: "h2" }] });

    const unknown = await call("/openapi/v1/person/batchDeregisterPerson", { personList: ["h1@hw", "nobody"] });
    const both = await call("/openapi/v1/person/batchDeregisterPerson", { personList: ["h1@hw", "h2@hw"] });

    expect(unknown.body).toMatchObject({ status: "failed" });
    expect(both.body).toMatchObject({ status: "success", success: true });
    expect(persons().filter((p) => p["personStatus"] === "Cancel").map((p) => p["personCode"])).toEqual(["h1@hw", "h2@hw"]);
  });
});

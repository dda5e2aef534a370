import { describe, expect, it } from "vitest";
import { department } from "../../src/drivers/xinrenxinshi/kinds/department.js";
import type { XrxsSection } from "../../src/emulator/xinrenxinshi/state.js";
import { DriverError } from "../../src/model/errors.js";
import { applyDir, planDir, useEmulator, applySession } from "../helpers/orgform.js";
import { dept, ENV, ID, manifests, tenant } from "./xinrenxinshi-fixtures.js";

const emulators = useEmulator();
const state = () => emulators.current().vendor("xinrenxinshi").getState() as XrxsSection;
const find = (code: string) => state().departments.find((d) => d.code === code);
const updates = () => emulators.current().calls("xinrenxinshi").filter((c) => c.path === "/v5/department/update").map((c) => c.body as Record<string, unknown>);

describe("xinrenxinshi updates send only what the manifest asks for", () => {
  it("sends only the custom fields the plan changes, never the live values of others", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心", { fields: { 级别: "A", 地区精确到区县: "1711", 单行文本: "旧" } })]));
    const dir = manifests(emulator.url, ["  - code: RD", "    fields: { 级别: B, 单行文本: 旧 }"]);

    await applyDir(dir, ENV);

    expect(updates().map((b) => b["fields"])).toEqual([{ 级别: "B" }]);
    expect(find("RD")?.fields).toEqual({ 级别: "B", 地区精确到区县: "1711", 单行文本: "旧" });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it('sends "" only for a field the manifest clears with null, and leaves empty live fields out', async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心", { city: "武汉市", fields: { 单行文本: "旧" } })]));
    const dir = manifests(emulator.url, ["  - code: RD", "    city: null", "    fields: { 单行文本: null }"]);

    await applyDir(dir, ENV);

    const [body] = updates();
    expect(body).toMatchObject({ city: "", fields: { 单行文本: "" } });
    for (const field of ["remark", "hrbpId", "adminId", "parentId"]) expect(body).not.toHaveProperty(field);
    expect(find("RD")).toMatchObject({ city: "", fields: {} });
  });

  it("leaves the parent alone when the manifest does not name it", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.platform, "PLATFORM", "平台组", { parentId: ID.rd })]));
    const dir = manifests(emulator.url, ["  - { code: PLATFORM, name: 平台中心 }"]);

    await applyDir(dir, ENV);

    expect(updates()[0]).toMatchObject({ parentId: ID.rd, name: "平台中心" });
    expect(find("PLATFORM")?.parentId).toBe(ID.rd);
  });

  it("marks a create as not safe to repeat and captures data.id as the new id", () => {
    const requests = department.compile(
      { id: "hr/xinrenxinshi.Department/RD", target: "hr", kind: "xinrenxinshi.Department", key: "RD", op: "create", changes: [{ field: "name", before: null, after: "研发中心" }], dependsOn: [] },
      { target: "hr", live: () => undefined, idOf: () => undefined, keyAfter: (_k, key) => key },
    );

    expect(requests).toEqual([expect.objectContaining({ path: "/v5/department/create", retrySafe: false, capture: { departmentId: "data.id" } })]);
  });
});

describe("xinrenxinshi token lapses", () => {
  it.each(["http401", "envelope"] as const)("gets a new token once and repeats the call when the lapse is answered %s", async (expiredTokenAnswer) => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发部")], { expiredTokenAnswer }));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }"]);
    const session = await planDir(dir, ENV);
    await fetch(`${emulator.url}/_emulator/tokens`, { method: "DELETE" });
    emulator.clearCalls();

    const results = await applySession(session);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(emulator.calls().map((c) => [c.path, c.status])).toEqual([
      ["/v5/department/update", expiredTokenAnswer === "http401" ? 401 : 200],
      ["/authorize/oauth/token", 200],
      ["/v5/department/update", 200],
    ]);
    expect(find("RD")?.name).toBe("研发中心");
  });
});

describe("xinrenxinshi group accounts", () => {
  const group = { companyIds: ["c-1", "c-2"] };

  it("sends the target's companyId header on every call", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发部")], group));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }"], ["  companyId: c-2", "limits: { requestsPerSecond: 50 }"]);

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(find("RD")?.name).toBe("研发中心");
  });

  it("is refused by a group account's gateway without a companyId, with the vendor's message", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发部")], group));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }"]);

    const failure = await planDir(dir, ENV).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(DriverError);
    expect(failure).toMatchObject({ failure: "invalid", vendorMessage: "集团账号请在Header中指定companyId" });
  });
});

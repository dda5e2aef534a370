import { describe, expect, it } from "vitest";
import type { XrxsSection } from "../../src/emulator/xinrenxinshi/state.js";
import { applyDir, planDir, useEmulator, applySession } from "../helpers/orgform.js";
import { dept, ENV, ID, manifests, tenant } from "./xinrenxinshi-fixtures.js";

const emulators = useEmulator();
const state = () => emulators.current().vendor("xinrenxinshi").getState() as XrxsSection;
const find = (code: string) => state().departments.find((d) => d.code === code);
const writes = () => emulators.current().calls("xinrenxinshi").filter((c) => /\/v5\/department\/(create|update|delete)$/.test(c.path));
type Body = Record<string, unknown>;

describe("xinrenxinshi.Department over HTTP", () => {
  it("creates a three-level tree in one apply, each child under its parent's new id", async () => {
    const emulator = await emulators.start(tenant([]));
    const dir = manifests(emulator.url, [
      "  - { code: RD, name: 研发中心, type: 4 }",
      "  - { code: RD-PLATFORM, name: 平台组, parent: RD, type: 3 }",
      "  - { code: RD-PLATFORM-DB, name: 数据库小组, parent: RD-PLATFORM, adminId: emp-head-1 }",
    ]);

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => [r.key, r.status])).toEqual([
      ["RD", "done"],
      ["RD-PLATFORM", "done"],
      ["RD-PLATFORM-DB", "done"],
    ]);
    const rd = find("RD");
    const platform = find("RD-PLATFORM");
    expect(rd?.departmentId).toMatch(/^[0-9a-f]{32}$/);
    expect(platform).toMatchObject({ parentId: rd?.departmentId, type: 3 });
    expect(find("RD-PLATFORM-DB")).toMatchObject({ parentId: platform?.departmentId, adminId: "emp-head-1" });
    expect(writes().map((c) => (c.body as Body)["code"])).toEqual(["RD", "RD-PLATFORM", "RD-PLATFORM-DB"]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("reads the whole company with one list call, the disabled departments and the type list", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.platform, "RD-PLATFORM", "平台组", { parentId: ID.rd })]));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }", "  - { code: RD-PLATFORM, name: 平台组, parent: RD }"]);

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    expect(emulator.calls().map((c) => c.path).sort()).toEqual([
      "/authorize/oauth/token",
      "/v5/department/depttype/list",
      "/v5/department/list",
      "/v5/department/list",
    ]);
  });

  it("renames a department and keeps its head when adminId is not managed", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发部", { adminId: "emp-head-1", hrbpId: "emp-hrbp", city: "武汉市" })]));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }"]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions[0]?.changes).toEqual([{ field: "name", before: "研发部", after: "研发中心" }]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(writes()[0]?.body).toMatchObject({ departmentId: ID.rd, name: "研发中心", adminId: "emp-head-1", hrbpId: "emp-hrbp", city: "武汉市" });
    expect(find("RD")).toMatchObject({ name: "研发中心", adminId: "emp-head-1", hrbpId: "emp-hrbp" });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("clears the head when the manifest sets adminId to null", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心", { adminId: "emp-head-1" })]));
    const dir = manifests(emulator.url, ["  - { code: RD, adminId: null }"]);

    await applyDir(dir, ENV);

    expect(writes()[0]?.body).not.toHaveProperty("adminId");
    expect(find("RD")?.adminId).toBe("");
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("changes a department's code when the item pins its departmentId", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD-OLD", "研发中心"), dept(ID.platform, "PLATFORM", "平台组", { parentId: ID.rd })]));
    const dir = manifests(emulator.url, [`  - { code: RD, departmentId: ${ID.rd}, name: 研发中心 }`, "  - { code: PLATFORM, name: 平台组, parent: RD }"]);

    const { session, results } = await applyDir(dir, ENV);

    // PLATFORM's parent only changes its code: it stays under the same id, so the plan shows no
    // change for it and no call is sent.
    expect(session.plan.actions.map((a) => [a.key, a.op, a.renamedFrom])).toEqual([["RD", "update", "RD-OLD"]]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(writes().map((c) => (c.body as Body)["code"])).toEqual(["RD"]);
    expect(find("RD")?.departmentId).toBe(ID.rd);
    expect(find("PLATFORM")?.parentId).toBe(ID.rd);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("moves a department to another parent, and one to the top level only when the manifest says parent: null", async () => {
    const emulator = await emulators.start(
      tenant([
        dept(ID.rd, "RD", "研发中心"),
        dept(ID.sales, "SALES", "销售部"),
        dept(ID.platform, "PLATFORM", "平台组", { parentId: ID.rd }),
        dept(ID.infra, "INFRA", "基础组", { parentId: ID.rd }),
      ]),
    );
    const dir = manifests(emulator.url, [
      "  - { code: RD, name: 研发中心 }",
      "  - { code: SALES, name: 销售部 }",
      "  - { code: PLATFORM, name: 平台组, parent: SALES }",
      "  - { code: INFRA, name: 基础组, parent: null }",
    ]);

    await applyDir(dir, ENV);

    expect(find("PLATFORM")?.parentId).toBe(ID.sales);
    expect(find("INFRA")?.parentId).toBe("");
    const bodies = Object.fromEntries(writes().map((c) => [(c.body as Body)["code"], c.body as Body]));
    expect(bodies["PLATFORM"]?.["parentId"]).toBe(ID.sales);
    expect(bodies["INFRA"]?.["parentId"]).toBe("");
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("deletes a subtree children first", async () => {
    const emulator = await emulators.start(
      tenant([
        dept(ID.rd, "RD", "研发中心"),
        dept(ID.platform, "PLATFORM", "平台组", { parentId: ID.rd }),
        dept(ID.infra, "INFRA", "基础组", { parentId: ID.platform }),
        dept(ID.sales, "SALES", "销售部"),
      ]),
    );
    const dir = manifests(emulator.url, ["  - { code: RD, absent: true }", "  - { code: PLATFORM, absent: true }", "  - { code: INFRA, absent: true }"]);

    const { results } = await applyDir(dir, ENV);

    expect(results.every((r) => r.status === "done")).toBe(true);
    expect(writes().map((c) => [c.path, (c.body as Body)["departmentId"], c.code])).toEqual([
      ["/v5/department/delete", ID.infra, 0],
      ["/v5/department/delete", ID.platform, 0],
      ["/v5/department/delete", ID.rd, 0],
    ]);
    expect(state().departments.map((d) => d.code)).toEqual(["SALES"]);
  });

  it("refuses to plan deleting a parent whose children stay", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), dept(ID.platform, "PLATFORM", "平台组", { parentId: ID.rd })]));
    const dir = manifests(emulator.url, ["  - { code: RD, absent: true }"]);

    const session = await planDir(dir, ENV);

    expect(session.problems.map((p) => p.message)).toEqual([expect.stringContaining("PLATFORM still refers to it")]);
  });

  it("reports the vendor's refusal to delete a department with employees", async () => {
    const emulator = await emulators.start(tenant([dept(ID.sales, "SALES", "销售部")], { employees: [{ employeeId: "e1", name: "赵六", departmentId: ID.sales }] }));
    const dir = manifests(emulator.url, ["  - { code: SALES, absent: true }"]);

    const { results } = await applyDir(dir, ENV);

    expect(results).toEqual([expect.objectContaining({ status: "failed", code: 60004, message: "部门下存在员工,不能删除" })]);
  });

  it("never has two department writes in flight on one tenant", async () => {
    const names = ["A", "B", "C", "D", "E", "F"];
    const emulator = await emulators.start(tenant(names.map((n, i) => dept(`bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb0${i}`, n, `old ${n}`)), { limits: { writeDelayMs: 25 } }));
    const dir = manifests(
      emulator.url,
      names.map((n) => `  - { code: ${n}, name: new ${n} }`),
    );

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(names.map(() => "done"));
    expect(writes().map((c) => c.code)).toEqual(names.map(() => 0));
    const spans = writes().sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it("retries busy answers and server errors", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发部")]));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }"]);
    const session = await planDir(dir, ENV);
    // Seed 19 draws: busy, http500, then no fault.
    emulator.faults.configure({ probability: 0.5, seed: 19, kinds: ["busy", "http500"], vendors: ["xinrenxinshi"] });

    const results = await applySession(session);

    emulator.faults.configure(undefined);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    const updates = emulator.calls().filter((c) => c.path === "/v5/department/update");
    expect(updates.map((c) => c.status)).toEqual([503, 500, 200]);
    expect(find("RD")?.name).toBe("研发中心");
  });
});

import { describe, expect, it } from "vitest";
import {applyDir, planDir, useEmulator } from "../helpers/orgform.js";
import { ENV, LOGIN, manifests, stateUnit, syncBodies, tenant } from "./o2oa-fixtures.js";

const running = useEmulator();

const HQ = { name: "总部", unique: "hq" };
const RD = { name: "研发部", unique: "rd", superior: "hq" };

describe("o2oa.Unit over HTTP: the tree", () => {
  it("creates a three-level tree in one apply, parents first, then plans no changes", async () => {
    const emulator = await running.start(tenant([]));
    const dir = manifests(emulator.url, [
      { unique: "rd-platform", name: "平台组", superior: "rd", typeList: ["小组"] },
      { unique: "rd", name: "研发中心", superior: "hq", typeList: ["部门"] },
      { unique: "hq", name: "总部", typeList: ["公司"], orderNumber: 1 },
    ]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions.map((a) => [a.op, a.key, a.dependsOn])).toEqual([
      ["create", "hq", []],
      ["create", "rd", ["oa/o2oa.Unit/hq"]],
      ["create", "rd-platform", ["oa/o2oa.Unit/rd"]],
    ]);
    expect(results.map((r) => r.status)).toEqual(["done", "done", "done"]);
    expect(syncBodies(emulator.calls()).map((b) => [b["action"], b["unique"], b["superior"], b["distinguishedName"]])).toEqual([
      ["add", "hq", "", "总部@hq@U"],
      ["add", "rd", "hq", "研发中心@rd@U"],
      ["add", "rd-platform", "rd", "平台组@rd-platform@U"],
    ]);
    const state = emulator.vendor("o2oa").getState();
    expect(stateUnit(state, "rd-platform")).toMatchObject({ superior: "rd", distinguishedName: "平台组@rd-platform@U", typeList: ["小组"] });
    expect(stateUnit(state, "hq")).toMatchObject({ superior: "", orderNumber: 1 });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("reads the whole tenant with one listing call each for units, attributes, duties and identities", async () => {
    const emulator = await running.start(tenant([HQ, { ...RD, attributes: [{ name: "地址", value: ["杭州"] }], duties: [{ name: "部门领导", value: ["李四@li@I"] }] }]));
    const dir = manifests(emulator.url, [HQ, { ...RD, attributeList: [{ name: "地址", value: ["杭州"] }], dutyList: [{ name: "部门领导", value: ["李四@li@I"] }] }]);

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    expect(emulator.calls().map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST ${LOGIN}`,
      "GET /x_organization_assemble_control/jaxrs/unit/list/(0)/next/200",
      "GET /x_organization_assemble_control/jaxrs/unitattribute/list/(0)/next/200",
      "GET /x_organization_assemble_control/jaxrs/unitduty/list/(0)/next/200",
      "GET /x_organization_assemble_control/jaxrs/identity/list/(0)/next/200",
    ]);
  });

  it("pages a listing from the id of the previous page's last row", async () => {
    const units = Array.from({ length: 450 }, (_, i) => ({ id: `u-${i}`, name: `组${i}`, unique: `g${i}` }));
    const emulator = await running.start(tenant(units));
    const dir = manifests(emulator.url, [{ unique: "g7", name: "组7" }]);

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const unitPages = emulator.calls().filter((c) => c.path.includes("/jaxrs/unit/list/"));
    // Newest first: the 200th row is u-250, the 400th is u-50.
    expect(unitPages.map((c) => c.path.split("/")[5])).toEqual(["(0)", "u-250", "u-50"]);
  });

  it("keeps paging past short pages when the server serves fewer rows than asked, until the total", async () => {
    const units = Array.from({ length: 120 }, (_, i) => ({ id: `u-${i}`, name: `组${i}`, unique: `g${i}` }));
    const emulator = await running.start(tenant(units, { listPageCap: 50 }));
    const dir = manifests(emulator.url, units.map(({ name, unique }) => ({ name, unique })));

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const unitPages = emulator.calls().filter((c) => c.path.includes("/jaxrs/unit/list/"));
    expect(unitPages.map((c) => c.path.split("/")[5])).toEqual(["(0)", "u-70", "u-20"]);
    expect(unitPages.every((c) => c.path.endsWith("/next/200"))).toBe(true);
  });

  it("stops at the listing's total: 400 units take two pages, not a third empty one", async () => {
    const units = Array.from({ length: 400 }, (_, i) => ({ id: `u-${i}`, name: `组${i}`, unique: `g${i}` }));
    const emulator = await running.start(tenant(units));
    const dir = manifests(emulator.url, [{ unique: "g7", name: "组7" }]);

    await planDir(dir, ENV);

    expect(emulator.calls().filter((c) => c.path.includes("/jaxrs/unit/list/"))).toHaveLength(2);
  });

  it("renames a unit in place: a new distinguished name, no delete", async () => {
    const emulator = await running.start(tenant([HQ, RD, { name: "平台组", unique: "rd-platform", superior: "rd" }]));
    const idBefore = stateUnit(emulator.vendor("o2oa").getState(), "rd")?.["id"];
    const dir = manifests(emulator.url, [HQ, { ...RD, name: "研发中心" }]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions).toEqual([expect.objectContaining({ op: "update", key: "rd", changes: [{ field: "name", before: "研发部", after: "研发中心" }] })]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(syncBodies(emulator.calls()).map((b) => [b["action"], b["name"], b["distinguishedName"]])).toEqual([["update", "研发中心", "研发中心@rd@U"]]);
    const state = emulator.vendor("o2oa").getState();
    expect(stateUnit(state, "rd")).toMatchObject({ id: idBefore, name: "研发中心", distinguishedName: "研发中心@rd@U" });
    expect(stateUnit(state, "rd-platform")).toMatchObject({ superior: "rd" });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("moves a unit to another superior", async () => {
    const emulator = await running.start(tenant([HQ, RD, { name: "销售部", unique: "sales", superior: "hq" }, { name: "平台组", unique: "rd-platform", superior: "rd" }]));
    const dir = manifests(emulator.url, [HQ, { name: "销售部", unique: "sales", superior: "hq" }, { unique: "rd-platform", name: "平台组", superior: "sales" }]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions).toEqual([expect.objectContaining({ key: "rd-platform", changes: [{ field: "superior", before: "rd", after: "sales" }] })]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(syncBodies(emulator.calls())).toEqual([expect.objectContaining({ action: "update", superior: "sales" })]);
    expect(stateUnit(emulator.vendor("o2oa").getState(), "rd-platform")).toMatchObject({ superior: "sales" });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("changes a unique named in previousKeys without replacing the unit; its children follow", async () => {
    const emulator = await running.start(tenant([HQ, { name: "研发部", unique: "rd-old", superior: "hq" }, { name: "平台组", unique: "rd-platform", superior: "rd-old" }]));
    const idBefore = stateUnit(emulator.vendor("o2oa").getState(), "rd-old")?.["id"];
    const dir = manifests(emulator.url, [
      HQ,
      { ...RD, previousKeys: ["rd-old"] },
      { unique: "rd-platform", name: "平台组", superior: "rd" },
    ]);

    const { session, results } = await applyDir(dir, ENV);

    // The sub-unit's superior is the same unit under its new unique: the plan shows no change for
    // it, and only the rename is sent.
    expect(session.plan.actions.map((a) => [a.key, a.renamedFrom])).toEqual([["rd", "rd-old"]]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(syncBodies(emulator.calls())).toEqual([expect.objectContaining({ action: "update", unique: "rd", distinguishedName: "研发部@rd-old@U" })]);
    expect(stateUnit(emulator.vendor("o2oa").getState(), "rd")).toMatchObject({ id: idBefore, distinguishedName: "研发部@rd@U" });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("deletes children before their parent", async () => {
    const emulator = await running.start(tenant([HQ, RD, { name: "平台组", unique: "rd-platform", superior: "rd" }]));
    const dir = manifests(emulator.url, [
      { ...RD, absent: true },
      { unique: "rd-platform", name: "平台组", superior: "rd", absent: true },
    ]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions.map((a) => [a.op, a.key])).toEqual([
      ["delete", "rd-platform"],
      ["delete", "rd"],
    ]);
    expect(results.map((r) => r.status)).toEqual(["done", "done"]);
    expect(syncBodies(emulator.calls())).toEqual([
      { action: "delete", unique: "rd-platform", distinguishedName: "平台组@rd-platform@U" },
      { action: "delete", unique: "rd", distinguishedName: "研发部@rd@U" },
    ]);
    expect((emulator.vendor("o2oa").getState() as { units: unknown[] }).units).toHaveLength(1);
  });

  it("refuses at plan time to delete a unit whose sub-units stay", async () => {
    const emulator = await running.start(tenant([HQ, RD, { name: "平台组", unique: "rd-platform", superior: "rd" }]));
    const dir = manifests(emulator.url, [{ ...RD, absent: true }]);

    const session = await planDir(dir, ENV);

    expect(session.problems.map((p) => p.message)).toEqual([expect.stringContaining("oa/o2oa.Unit/rd-platform still refers to it through \"superior\"")]);
  });
});

describe("o2oa.Unit over HTTP: attributes and duties", () => {
  const LIVE_RD = {
    ...RD,
    attributes: [
      { name: "地址", value: ["杭州"] },
      { name: "电话", value: ["0571"] },
      { name: "旧属性", value: ["x"] },
    ],
    duties: [
      { name: "部门领导", value: ["张三@zs@I", "李四@ls@I"] },
      { name: "副职", value: ["王五@ww@I"] },
    ],
  };

  it("shows and applies per attribute and per duty changes; the listed names are the whole set", async () => {
    const emulator = await running.start(tenant([HQ, LIVE_RD]));
    const phoneId = (stateUnit(emulator.vendor("o2oa").getState(), "rd")?.["attributes"] as { name: string; id: string }[])[1]?.id;
    const dir = manifests(emulator.url, [
      HQ,
      {
        ...RD,
        attributeList: [
          { name: "地址", value: ["上海"] },
          { name: "电话", value: "0571", description: "总机" },
          { name: "新属性", value: ["y"], orderNumber: 9 },
        ],
        dutyList: [
          { name: "部门领导", value: ["张三@zs@I", "李四@ls@I"] },
          { name: "秘书", value: ["赵六@zl@I"] },
        ],
      },
    ]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions[0]?.changes).toEqual([
      { field: "attribute.地址", before: ["杭州"], after: ["上海"] },
      { field: "attribute.新属性", before: null, after: ["y"] },
      { field: "attributeDescription.电话", before: "", after: "总机" },
      { field: "attributeOrderNumber.新属性", before: null, after: 9 },
      { field: "attributes", add: ["新属性"], remove: ["旧属性"] },
      { field: "duties", add: ["秘书"], remove: ["副职"] },
      { field: "duty.秘书", add: ["赵六@zl@I"], remove: [] },
    ]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    const rd = stateUnit(emulator.vendor("o2oa").getState(), "rd") as { attributes: Record<string, unknown>[]; duties: Record<string, unknown>[] };
    expect(rd.attributes.map((a) => [a["name"], a["value"], a["description"]])).toEqual([
      ["地址", ["上海"], ""],
      ["电话", ["0571"], "总机"],
      ["新属性", ["y"], ""],
    ]);
    expect(rd.attributes[1]?.["id"]).toBe(phoneId);
    expect(rd.duties.map((d) => [d["name"], d["value"]])).toEqual([
      ["部门领导", ["张三@zs@I", "李四@ls@I"]],
      ["秘书", ["赵六@zl@I"]],
    ]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("adds and removes duty members, keeping the live order of the others", async () => {
    const emulator = await running.start(tenant([HQ, LIVE_RD]));
    const dir = manifests(emulator.url, [HQ, { ...RD, dutyList: [{ name: "部门领导", value: ["李四@ls@I", "钱七@qq@I"] }, { name: "副职", value: ["王五@ww@I"] }] }]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions[0]?.changes).toEqual([{ field: "duty.部门领导", add: ["钱七@qq@I"], remove: ["张三@zs@I"] }]);
    expect(session.plan.summary).toMatchObject({ update: 1, add: 1, remove: 1 });
    expect(results.map((r) => r.status)).toEqual(["done"]);
    const duties = syncBodies(emulator.calls())[0]?.["dutyList"] as { name: string; value: string[] }[];
    expect(duties.map((d) => [d.name, d.value])).toEqual([
      ["部门领导", ["李四@ls@I", "钱七@qq@I"]],
      ["副职", ["王五@ww@I"]],
    ]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("sends attributes and duties the manifest does not manage back unchanged", async () => {
    const emulator = await running.start(tenant([HQ, LIVE_RD]));
    const before = stateUnit(emulator.vendor("o2oa").getState(), "rd") as { attributes: Record<string, unknown>[]; duties: Record<string, unknown>[] };
    const dir = manifests(emulator.url, [HQ, { ...RD, description: "负责研发" }]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions[0]?.changes).toEqual([{ field: "description", before: "", after: "负责研发" }]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    const body = syncBodies(emulator.calls())[0] as { attributeList: Record<string, unknown>[]; dutyList: Record<string, unknown>[] };
    expect(body.attributeList.map((a) => [a["name"], a["unique"], a["value"]])).toEqual(before.attributes.map((a) => [a["name"], a["unique"], a["value"]]));
    expect(body.dutyList.map((d) => [d["name"], d["unique"], d["value"]])).toEqual(before.duties.map((d) => [d["name"], d["unique"], d["value"]]));
    const after = stateUnit(emulator.vendor("o2oa").getState(), "rd");
    expect(after?.["attributes"]).toEqual(before.attributes);
    expect(after?.["duties"]).toEqual(before.duties);
  });

  it("never removes attributes, duties or members under the additive policy", async () => {
    const emulator = await running.start(tenant([HQ, LIVE_RD]));
    const dir = manifests(emulator.url, [
      HQ,
      { ...RD, membersPolicy: "additive", attributeList: [{ name: "地址", value: ["杭州"] }], dutyList: [{ name: "部门领导", value: ["孙八@sb@I"] }] },
    ]);

    const { session } = await applyDir(dir, ENV);

    // Nothing to add to the name sets and nothing may be removed: only the new member shows.
    expect(session.plan.actions[0]?.changes).toEqual([{ field: "duty.部门领导", add: ["孙八@sb@I"], remove: [] }]);
    const rd = stateUnit(emulator.vendor("o2oa").getState(), "rd") as { attributes: { name: string }[]; duties: { name: string; value: string[] }[] };
    expect(rd.attributes.map((a) => a.name)).toEqual(["地址", "电话", "旧属性"]);
    expect(rd.duties).toEqual([expect.objectContaining({ name: "部门领导", value: ["张三@zs@I", "李四@ls@I", "孙八@sb@I"] }), expect.objectContaining({ name: "副职" })]);
  });

  it("sends attribute values in the manifest's order and compares them as a set", async () => {
    const emulator = await running.start(tenant([HQ, { ...RD, attributes: [{ name: "电话", value: ["0571", "0572"] }] }]));
    const reordered = manifests(emulator.url, [HQ, { ...RD, attributeList: [{ name: "电话", value: ["0572", "0571"] }] }]);
    const grown = manifests(emulator.url, [HQ, { ...RD, attributeList: [{ name: "电话", value: ["0573", "0572", "0571"] }] }]);

    expect((await planDir(reordered, ENV)).plan.actions).toEqual([]);
    emulator.clearCalls();
    await applyDir(grown, ENV);

    const [body] = syncBodies(emulator.calls());
    expect(body?.["attributeList"]).toEqual([expect.objectContaining({ name: "电话", value: ["0573", "0572", "0571"] })]);
  });
});

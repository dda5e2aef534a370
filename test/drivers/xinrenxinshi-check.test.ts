import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/drivers/xinrenxinshi/facts.js";
import { checkDepartments } from "../../src/drivers/xinrenxinshi/check.js";
import type { DesiredResource } from "../../src/model/resource.js";
import { planDir, runCli, useEmulator, applySession } from "../helpers/orgform.js";
import { dept, ENV, ID, manifests, tenant } from "./xinrenxinshi-fixtures.js";

const emulators = useEmulator();
const writes = () => emulators.current().calls("xinrenxinshi").filter((c) => /\/(create|update|delete)$/.test(c.path));
const shown = (problems: { source?: { file: string; line: number }; path?: string; message: string }[]) =>
  problems.map((p) => `${p.source?.file.split("/").pop()}:${p.source?.line} ${p.path}: ${p.message.replace(/^xinrenxinshi\.Department /, "")}`);

/** A disabled department (list status 1) that still holds the code OLD. */
const DISABLED = dept(ID.sales, "OLD", "旧销售部", { status: 1 });

describe("xinrenxinshi plan-time checks", () => {
  it("names file, line and field for an unknown type, a missing name and a code a disabled department holds", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), DISABLED]));
    const dir = manifests(emulator.url, [
      "  - code: RD", //                              line 5
      "    type: 9",
      "  - code: LAB", //                             line 7
      "    type: 7",
      "  - code: OLD", //                             line 9
      "    name: 新销售部",
    ]);

    const { problems } = await planDir(dir, ENV);

    expect(shown(problems)).toEqual([
      'departments.yaml:6 type: "RD": type 9 is not a department type of this tenant (known: 0 部门, 1 事业部, 2 事业群, 3 组, 4 中心, 5 子公司, 7 实验室)',
      'departments.yaml:7 name: "LAB": name is required to create a department',
      `departments.yaml:9 code: "OLD": the code is held by the disabled department "旧销售部" (departmentId ${ID.sales}); enable that department in Xinrenxinshi to manage it, or choose another code`,
    ]);
    expect(writes()).toEqual([]);
  });

  it("refuses giving a department (pinned by id) the code a disabled department holds", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), DISABLED]));
    const dir = manifests(emulator.url, [`  - { code: OLD, departmentId: ${ID.rd}, name: 研发中心 }`]);

    const { problems } = await planDir(dir, ENV);

    expect(shown(problems)).toEqual([expect.stringContaining('departments.yaml:5 code: "OLD": the code is held by the disabled department "旧销售部"')]);
  });

  it("reads the disabled departments with the list's status filter and never plans them", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), DISABLED]));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }"]);

    const { problems, plan } = await planDir(dir, ENV);

    expect(problems).toEqual([]);
    expect(plan.actions).toEqual([]);
    const lists = emulator.calls().filter((c) => c.path === "/v5/department/list");
    expect(lists.map((c) => (c.body as Record<string, unknown>)["status"] ?? 0).sort()).toEqual([0, 1]);
  });

  it("when the list ignores status, takes no active department for a disabled one and leaves the collision to the vendor", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心"), DISABLED], { listIgnoresStatus: true }));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }", "  - { code: OLD, name: 新销售部 }"]);

    const session = await planDir(dir, ENV);
    const results = await applySession(session);

    expect(session.problems).toEqual([]);
    expect(session.plan.actions.map((a) => `${a.op} ${a.key}`)).toEqual(["create OLD"]);
    // The emulator's own errcode and wording: the driver shows whatever the vendor says.
    expect(results).toEqual([expect.objectContaining({ status: "failed", code: 60002, message: "部门编码已存在: OLD" })]);
  });

  it("leaves custom field values to the vendor and shows its refusal as it came", async () => {
    const emulator = await emulators.start(tenant([dept(ID.rd, "RD", "研发中心")]));
    const dir = manifests(emulator.url, ["  - code: RD", '    fields: { 数值: "12a" }']);

    const session = await planDir(dir, ENV);
    const results = await applySession(session);

    expect(session.problems).toEqual([]);
    expect(emulator.calls().map((c) => c.path)).not.toContain("/v5/department/fields/setting");
    expect(results).toEqual([expect.objectContaining({ status: "failed", code: 60007, message: "自定义字段数值必须是数字" })]);
  });

  it("checks only names when the tenant's settings could not be read", () => {
    const desired: DesiredResource = {
      target: "hr",
      kind: "xinrenxinshi.Department",
      key: "RD",
      fields: { name: "研发中心", type: 7, "fields.anything": "x" },
      pins: {},
      absent: false,
      previousKeys: [],
      source: { file: "d.yaml", line: 5, column: 5 },
    };
    const unnamed: DesiredResource = { ...desired, key: "LAB", fields: { type: 7 } };

    expect(checkDepartments([{ desired }, { desired: unnamed }], [], new Map()).map((p) => p.message)).toEqual(['xinrenxinshi.Department "LAB": name is required to create a department']);
  });

  it("checks types against the tenant's settings even before the company has a department", () => {
    const desired: DesiredResource = {
      target: "hr",
      kind: "xinrenxinshi.Department",
      key: "RD",
      fields: { name: "研发中心", type: 7 },
      pins: {},
      absent: false,
      previousKeys: [],
      source: { file: "d.yaml", line: 5, column: 5 },
    };
    const facts = new Map([[CATALOG, { types: new Map([[0, "部门"]]), disabled: new Map() }]]);

    expect(checkDepartments([{ desired }], [], facts).map((p) => p.message)).toEqual([expect.stringContaining('xinrenxinshi.Department "RD": type 7 is not')]);
  });
});

describe("xinrenxinshi dry run", () => {
  it("prints signed requests with secrets blanked and the parent's id known after apply", async () => {
    const emulator = await emulators.start(tenant([]));
    const dir = manifests(emulator.url, ["  - { code: RD, name: 研发中心 }", "  - { code: RD-PLATFORM, name: 平台组, parent: RD }"]);

    const run = await runCli(["apply", dir, "--dry-run"], { env: ENV });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain("/v5/department/create?sign=(redacted)");
    expect(run.stdout).toContain('"parentId": "(known after apply)"');
    expect(run.stdout).toContain('"timestamp":');
    expect(run.stdout + run.stderr).not.toContain(ENV.XRXS_APP_SECRET);
    expect(writes()).toEqual([]);
  });
});

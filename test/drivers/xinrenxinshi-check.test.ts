import { afterEach, describe, expect, it } from "vitest";
import { CATALOG } from "../../src/drivers/xinrenxinshi/catalog.js";
import { checkDepartments } from "../../src/drivers/xinrenxinshi/check.js";
import type { DesiredResource } from "../../src/model/resource.js";
import { applySession, emulatorWith, planDir, runCli, type TestEmulator } from "../helpers/orgform.js";
import { dept, ENV, ID, manifests, tenant } from "./xinrenxinshi-fixtures.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const writes = () => (emulator?.calls("xinrenxinshi") ?? []).filter((c) => /\/(create|update|delete)$/.test(c.path));

describe("xinrenxinshi plan-time checks", () => {
  it("names file, line and field for each department type and custom field the vendor would refuse", async () => {
    emulator = await emulatorWith(tenant([dept(ID.rd, "RD", "研发中心")]));
    const dir = manifests(emulator.url, [
      "  - code: RD", //                              line 5
      "    type: 9",
      "    fields:", //                               custom field problems point at line 8, where the map starts
      '      数值: "12a"',
      "      成立日期: 2024-02-30",
      "      级别: D",
      "      单行文本: 一二三四五六七八九十十一",
      '      地区精确到地级市: "1711"',
      "      地区精确到区县: 洪山区",
      "      不存在的字段: x",
      "  - code: LAB", //                             line 15
      "    type: 7",
      "    fields: { 数值: '-3.5', 成立日期: '2024-02-29', 级别: B, 地区精确到地级市: '171', 地区精确到区县: '1711', 单行文本: null }",
    ]);

    const { problems } = await planDir(dir, ENV);

    const shown = problems.map((p) => `${p.source?.file.split("/").pop()}:${p.source?.line} ${p.path}: ${p.message.replace(/^xinrenxinshi\.Department /, "")}`);
    expect(shown).toEqual([
      'departments.yaml:6 type: "RD": type 9 is not a department type of this tenant (known: 0 部门, 1 事业部, 2 事业群, 3 组, 4 中心, 5 子公司, 7 实验室)',
      'departments.yaml:8 fields.数值: "RD": "12a" is not a number',
      'departments.yaml:8 fields.成立日期: "RD": "2024-02-30" is not a date written yyyy-MM-dd',
      'departments.yaml:8 fields.级别: "RD": "D" is not one of the field\'s options (A, B, C)',
      'departments.yaml:8 fields.单行文本: "RD": is 12 characters long; the field allows at most 10',
      'departments.yaml:8 fields.地区精确到地级市: "RD": 1711 is not the code of a city (area type 3) in the city list',
      'departments.yaml:8 fields.地区精确到区县: "RD": "洪山区" is not an area code; the field takes the code of a district (area type 4) from the city list',
      'departments.yaml:8 fields.不存在的字段: "RD": the tenant has no department custom field named "不存在的字段" (defined: 数值, 单行文本, 成立日期, 级别, 地区精确到地级市, 地区精确到区县)',
      'departments.yaml:15 name: "LAB": name is required to create a department',
    ]);
    expect(writes()).toEqual([]);
  });

  it("accepts valid values, clears and custom types, and plans them", async () => {
    emulator = await emulatorWith(tenant([dept(ID.rd, "RD", "研发中心", { fields: { 单行文本: "旧" } })]));
    const dir = manifests(emulator.url, [
      "  - code: RD",
      "    type: 7",
      "    fields: { 数值: '111221.000', 成立日期: '2024-02-29', 级别: B, 地区精确到地级市: '171', 地区精确到区县: '1711', 单行文本: null }",
    ]);

    const { problems, plan } = await planDir(dir, ENV);

    expect(problems).toEqual([]);
    expect(plan.actions[0]?.changes.map((c) => c.field)).toEqual([
      "fields.单行文本",
      "fields.地区精确到区县",
      "fields.地区精确到地级市",
      "fields.成立日期",
      "fields.数值",
      "fields.级别",
      "type",
    ]);
  });

  it("leaves custom fields to the vendor when the tenant has no field-settings API", async () => {
    emulator = await emulatorWith(tenant([dept(ID.rd, "RD", "研发中心")], { fieldSettingsApi: false }));
    const dir = manifests(emulator.url, ["  - code: RD", '    fields: { 数值: "12a" }']);

    const session = await planDir(dir, ENV);
    const results = await applySession(session);

    expect(session.problems).toEqual([]);
    expect(emulator.calls().find((c) => c.path === "/v5/department/fields/setting")?.status).toBe(404);
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
    const facts = new Map([[CATALOG, { types: new Map([[0, "部门"]]) }]]);

    expect(checkDepartments([{ desired }], [], facts).map((p) => p.message)).toEqual([expect.stringContaining('xinrenxinshi.Department "RD"')]);
  });
});

describe("xinrenxinshi dry run", () => {
  it("prints signed requests with secrets blanked and the parent's id known after apply", async () => {
    emulator = await emulatorWith(tenant([]));
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

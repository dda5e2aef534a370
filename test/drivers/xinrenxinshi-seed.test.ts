import { describe, expect, it } from "vitest";
import { manifestsFromText } from "../helpers/seed.js";
import { XinrenxinshiClient } from "../../src/drivers/xinrenxinshi/client.js";
import { department } from "../../src/drivers/xinrenxinshi/kinds/department.js";
import { kindModels } from "../../src/drivers/registry.js";
import { compileContext } from "../../src/apply/compile.js";
import type { LiveResource } from "../../src/model/resource.js";
import { plan } from "../../src/planner/planner.js";
import { applyDir, useEmulator } from "../helpers/orgform.js";
import { APP_KEY, ENV, ID, manifests, SECRET } from "./xinrenxinshi-fixtures.js";

/** The vendor's documented request body example of https://api.xinrenxinshi.com/doc/v3/page/department/update_v5.html, byte for byte. */
const SEED_BODY =
  '{"code":"测试更新部门","city":"湖北省武汉市","departmentId":"66cb5a71fbd24afb831b1ed14ed0a36b","name":"测试更新部门","remark":"openapi测试部门修改的备注","type":0,"fields":{"数值":"111221.000","单行文本":"我是单行文本1","地区精确到地级市":"171"},"timestamp":1625827438929}';
const SEED_TIMESTAMP = 1625827438929;

/** The example's department as a manifest item. */
const ITEM = [
  "  - code: 测试更新部门",
  `    departmentId: ${ID.seed}`,
  "    name: 测试更新部门",
  "    city: 湖北省武汉市",
  "    remark: openapi测试部门修改的备注",
  "    type: 0",
  "    fields:",
  '      数值: "111221.000"',
  "      单行文本: 我是单行文本1",
  '      地区精确到地级市: "171"',
];

/** The department before the update: no head, no parent, older values, the same custom fields. */
const BEFORE = {
  departmentId: ID.seed,
  code: "测试部门",
  name: "测试部门",
  city: "湖北省武汉市",
  remark: "旧的备注",
  type: 0,
  fields: { 数值: "1.000", 单行文本: "旧文本", 地区精确到地级市: "170" },
};

const emulators = useEmulator();

describe("the vendor's documented department update example", () => {
  it("is reproduced byte for byte from a manifest and a live state", () => {
    const text = ["apiVersion: orgform/v1", "kind: Target", "name: hr", "driver: xinrenxinshi", "credentials: { appKey: k, appSecret: \"${S}\" }", "---",
      "apiVersion: orgform/v1", "kind: xinrenxinshi.Department", "target: hr", "items:", ...ITEM].join("\n");
    const m = manifestsFromText(text, { S: "secret-value" });
    const live: LiveResource[] = [
      {
        target: "hr",
        kind: "xinrenxinshi.Department",
        key: BEFORE.code,
        fields: { name: BEFORE.name, parent: null, type: 0, adminId: null, hrbpId: null, city: BEFORE.city, remark: BEFORE.remark, ...Object.fromEntries(Object.entries(BEFORE.fields).map(([k, v]) => [`fields.${k}`, v])) },
        ids: { departmentId: ID.seed },
      },
    ];

    const result = plan({ desired: m.desired, live, kinds: kindModels(), policies: {}, scope: m.scope });
    const requests = department.compile(result.actions[0]!, compileContext("hr", live, result.actions));
    const sent = new XinrenxinshiClient("https://api.xinrenxinshi.com", APP_KEY, SECRET).prepare(requests[0]!, SEED_TIMESTAMP);

    expect(result.actions.map((a) => [a.op, a.renamedFrom])).toEqual([["update", "测试部门"]]);
    expect(sent.url).toMatch(/^https:\/\/api\.xinrenxinshi\.com\/v5\/department\/update\?sign=[A-Za-z0-9%]+$/);
    expect(sent.body).toBe(SEED_BODY);
  });

  it("is what the emulator receives when the manifest is applied", async () => {
    const emulator = await emulators.start({
      xinrenxinshi: {
        apps: [{ appKey: APP_KEY, appSecret: SECRET }],
        departments: [BEFORE],
        customFields: [
          { name: "数值", type: "number" },
          { name: "单行文本", type: "text", maxLength: 20 },
          { name: "地区精确到地级市", type: "city" },
        ],
        areas: [{ id: 170, name: "黄石市", type: 3 }, { id: 171, name: "武汉市", type: 3 }],
      },
    });

    const { results } = await applyDir(manifests(emulator.url, ITEM), ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    const update = emulator.calls().find((c) => c.path === "/v5/department/update");
    const { timestamp, ...rest } = update?.body as Record<string, unknown>;
    const { timestamp: _seedTimestamp, ...seed } = JSON.parse(SEED_BODY) as Record<string, unknown>;
    expect(typeof timestamp).toBe("number");
    expect(JSON.stringify(rest)).toBe(JSON.stringify(seed));
  });
});

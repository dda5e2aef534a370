import { describe, expect, it } from "vitest";
import { manifestDir, planDir, useEmulator, applySession } from "../helpers/orgform.js";
import { operationsFor } from "../../src/engine/operations.js";
import { ENV, PASSWORD, SYNC } from "./o2oa-fixtures.js";

/**
 * The vendor's documented "修改组织" (update unit) request,
 * https://o2oa.gitbook.io/course/ping-tai-shi-shi/zu-zhi-guan-li/shu-ju-tong-bu-jie-kou/zu-zhi-shu-ju-jie-kou/xiu-gai-zu-zhi:
 * its keys in the page's order, filled with
 * the page's sample values. Two corrections, both deliberate: `action` is "update" (the page
 * writes " update" with a stray space), and the inner value lists are named `value`, as the
 * page's field table and its add page name them (the page's JSON sketch calls them
 * `attributeList` / `identityList`). The duty's orderNumber sample is the field's own
 * description text, so the live duty's number (7) goes back unchanged.
 */
const EXAMPLE_BODY = {
  action: "update",
  name: "技术支持",
  unique: "1000263571",
  distinguishedName: "技术支持@1000263571@U",
  typeList: ["部门"],
  description: "",
  shortName: "",
  superior: "companyLeader",
  orderNumber: 20,
  controllerList: ["138000000"],
  dingdingId: "",
  dingdingHash: "",
  qiyeweixinId: "",
  zhengwuDingdingId: "1000263571",
  zhengwuDingdingHash: "8ecfc82b45c5d33be7f84599b265e4fffb56108c0f8f85bde7856e01521a7d0b",
  qiyeweixinHash: "",
  attributeList: [
    {
      description: "",
      name: "组织属性",
      unique: "e762a4df-44ce-418c-bb20-899558b49622",
      distinguishedName: "组织属性@e762a4df-44ce-418c-bb20-899558b49622@UA",
      orderNumber: 112345,
      value: ["组织属性值"],
    },
  ],
  dutyList: [
    {
      description: "",
      name: "部门领导",
      unique: "7a1b7021-8812-4d18-9447-6b27ce7454ed",
      distinguishedName: "部门领导@7a1b7021-8812-4d18-9447-6b27ce7454ed@UD",
      orderNumber: 7,
      value: ["张三@fb3ea7de-d54f-4679-8e9a-35cb1e6b3d01@P", "P0780", "13800000000", "fb3ea7de-d54f-4679-8e9a-35cb1e6b3d01"],
    },
  ],
};

/** The unit before the change: another order number, an old attribute value, one duty member short. */
const LIVE = {
  o2oa: {
    accounts: [{ credential: "orgsync", password: PASSWORD }],
    units: [
      { name: "公司管理层", unique: "companyLeader" },
      {
        name: "技术支持",
        unique: "1000263571",
        superior: "companyLeader",
        typeList: ["部门"],
        orderNumber: 10,
        controllerList: ["138000000"],
        zhengwuDingdingId: "1000263571",
        zhengwuDingdingHash: "8ecfc82b45c5d33be7f84599b265e4fffb56108c0f8f85bde7856e01521a7d0b",
        attributes: [{ name: "组织属性", unique: "e762a4df-44ce-418c-bb20-899558b49622", value: ["旧值"], orderNumber: 112345 }],
        duties: [
          { name: "部门领导", unique: "7a1b7021-8812-4d18-9447-6b27ce7454ed", value: ["张三@fb3ea7de-d54f-4679-8e9a-35cb1e6b3d01@P", "P0780", "13800000000"], orderNumber: 7 },
        ],
      },
    ],
  },
};

const MANIFEST = (url: string) => `
apiVersion: orgform/v1
kind: Target
name: oa
driver: o2oa
endpoint: ${url}/o2oa
credentials: { credential: orgsync, password: "\${O2OA_PASSWORD}" }
---
apiVersion: orgform/v1
kind: o2oa.Unit
target: oa
items:
  - unique: companyLeader
    name: 公司管理层
  - unique: "1000263571"
    name: 技术支持
    superior: companyLeader
    typeList: [部门]
    orderNumber: 20
    controllerList: ["138000000"]
    zhengwuDingdingId: "1000263571"
    zhengwuDingdingHash: 8ecfc82b45c5d33be7f84599b265e4fffb56108c0f8f85bde7856e01521a7d0b
    attributeList:
      - { name: 组织属性, value: [组织属性值], orderNumber: 112345 }
    dutyList:
      - name: 部门领导
        value:
          - 张三@fb3ea7de-d54f-4679-8e9a-35cb1e6b3d01@P
          - P0780
          - "13800000000"
          - fb3ea7de-d54f-4679-8e9a-35cb1e6b3d01
`;

const running = useEmulator();

describe("the vendor's documented update-unit request", () => {
  it("is reproduced exactly, key order included, from a manifest and the live unit", async () => {
    const emulator = await running.start(LIVE);
    const dir = manifestDir({ "oa.yaml": MANIFEST(emulator.url) });

    const session = await planDir(dir, ENV);
    const ops = operationsFor(session.plan, session.state);

    expect(session.plan.actions.map((a) => [a.op, a.key, a.changes.map((c) => c.field)])).toEqual([
      ["update", "1000263571", ["attribute.组织属性", "duty.部门领导", "orderNumber"]],
    ]);
    expect(ops).toHaveLength(1);
    expect(ops[0]?.requests).toHaveLength(1);
    expect(ops[0]?.requests[0]?.path).toBe(SYNC);
    expect(JSON.stringify(ops[0]?.requests[0]?.body)).toBe(JSON.stringify(EXAMPLE_BODY));
  });

  it("is accepted by the emulated sync script, after which nothing is left to change", async () => {
    const emulator = await running.start(LIVE);
    const dir = manifestDir({ "oa.yaml": MANIFEST(emulator.url) });
    const session = await planDir(dir, ENV);
    emulator.clearCalls();

    const results = await applySession(session);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    const response = await fetch(`${emulator.url}/_emulator/requests`).then((r) => r.json() as Promise<{ path: string; code: string; body: unknown }[]>);
    expect(response.map((c) => [c.path, c.code])).toEqual([[SYNC, "result:success"]]);
    expect(response[0]?.body).toEqual(EXAMPLE_BODY);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });
});

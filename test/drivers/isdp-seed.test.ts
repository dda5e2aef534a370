import { describe, expect, it } from "vitest";
import { person } from "../../src/drivers/isdp/kinds/person.js";
import { PERSON_FIELD_SPECS } from "../../src/drivers/isdp/kinds/person-fields.js";
import { loadManifests } from "../../src/manifest/load.js";
import type { Action } from "../../src/model/plan.js";
import { applyDir, manifestDir, planDir, useEmulator } from "../helpers/orgform.js";

/** The request example of https://support.huaweicloud.com/api-isdp/api_01_0402.html (batchUpdatePerson), field for field and in order. */
const SEED_BODY = {
  personList: [
    {
      orgNo: "robin_test_4_0",
      personCode: "h007996952",
      personName: "测试人员批量更新",
      qualificationCode: "61",
      personType: "Employee",
      roleNo: "test Role1,robin_test_func",
      positionCode: "test012,robin_test_postion_01",
      udfExtend1: "AAA",
      udfExtend4: "AAA",
      firstName: "A",
      lastName: "B",
      description: "测试人员批量更新",
      email: "hsc@huawei.com",
      phone: "13572003291",
      customerCode: "客户编码3-测试",
      supplierCode: "T001",
      openAccount: "1",
      headFileId: "1",
      faceFileId: "1",
      status: "1",
      integrationAccount: "hw",
      isSmartDevice: "N",
      registerFace: 1,
      blackList: 1,
      reason: "reason",
      electronicSignatureId: "1",
      language: "zh_CN",
      certificateType: "ID_CARD",
      certificateNo: "500108191604236114",
    },
  ],
};

/** The same person as a user writes it: the code without @hw, numbers as numbers. */
const SEED_MANIFEST = `
apiVersion: orgform/v1
kind: isdp.Person
target: site
items:
  - personCode: h007996952
    personName: 测试人员批量更新
    firstName: A
    lastName: B
    personType: Employee
    orgNo: robin_test_4_0
    roleNo: test Role1,robin_test_func
    positionCode: [test012, robin_test_postion_01]
    qualificationCode: "61"
    description: 测试人员批量更新
    email: hsc@huawei.com
    phone: "13572003291"
    customerCode: 客户编码3-测试
    supplierCode: T001
    openAccount: 1
    status: 1
    headFileId: 1
    faceFileId: 1
    integrationAccount: hw
    isSmartDevice: N
    registerFace: 1
    blackList: 1
    reason: reason
    electronicSignatureId: 1
    language: zh_CN
    certificateType: ID_CARD
    certificateNo: "500108191604236114"
    udfExtend1: AAA
    udfExtend4: AAA
`;

const ENV = { ISDP_APP_TOKEN: "app-token-5b1e" };

const emu = useEmulator();

describe("the batchUpdatePerson page's request example", () => {
  it("is compiled byte for byte from a manifest that sets every field", () => {
    const dir = manifestDir({ "target.yaml": targetYaml("http://127.0.0.1:1"), "persons.yaml": SEED_MANIFEST });
    const { key, fields } = loadManifests([dir], { env: ENV }).desired[0]!;
    const action: Action = { id: `site/isdp.Person/${key}`, target: "site", kind: "isdp.Person", key, op: "update", changes: Object.entries(fields).map(([field, after]) => ({ field, before: null, after })), dependsOn: [] };
    const live = { target: "site", kind: "isdp.Person", key, fields: {}, ids: { personCode: `${key}@hw`, personStatus: "OpenAccount" } };
    const ctx = { target: "site", live: () => live, idOf: () => undefined, keyAfter: (_k: string, k: string) => k };

    const [request] = person.compileBatch!([action], ctx);

    expect(request?.path).toBe("/openapi/v1/person/batchUpdatePerson");
    expect(JSON.stringify(request?.body)).toBe(JSON.stringify(SEED_BODY));
  });

  it("updates the fields getPersonList shows over HTTP, and the person then plans no changes", async () => {
    const emulator = await emu.start({
      isdp: {
        clients: [{ client_id: "isdp-saas-openapi", username: "app-1001", password: ENV.ISDP_APP_TOKEN }],
        // The person exists (stored under the suffixed code) and has none of the fields yet.
        persons: [{ personCode: "h007996952@hw", personId: 5001610, personStatus: "OpenAccount" }],
        catalog: { orgNo: ["robin_test_4_0"], roleNo: ["test Role1", "robin_test_func"], positionCode: ["test012", "robin_test_postion_01"], qualificationCode: ["61"] },
      },
    });
    const dir = manifestDir({ "target.yaml": targetYaml(`${emulator.url}/isdp`), "persons.yaml": SEED_MANIFEST });

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => [r.key, r.op, r.status])).toEqual([["h007996952", "update", "done"]]);
    const updates = emulator.calls("isdp").filter((c) => c.path === "/openapi/v1/person/batchUpdatePerson");
    // Fields the list does not return are not compared on an existing person, so not sent;
    // the person is already listed with isSmartDevice N.
    const listed = Object.keys(SEED_BODY.personList[0]!).filter((f) => f === "personCode" || (!PERSON_FIELD_SPECS[f]?.writeOnly && f !== "isSmartDevice"));
    expect(updates.map((u) => Object.keys((u.body as typeof SEED_BODY).personList[0]!))).toEqual([listed]);
    const stored = (emulator.vendor("isdp").getState() as { persons: Record<string, unknown>[] }).persons;
    expect(stored).toEqual([expect.objectContaining({ personCode: "h007996952@hw", roleNo: "test Role1,robin_test_func", phone: "13572003291" })]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });
});

function targetYaml(endpoint: string): string {
  return [
    "apiVersion: orgform/v1",
    "kind: Target",
    "name: site",
    "driver: isdp",
    `endpoint: ${endpoint}`,
    "credentials: { clientId: isdp-saas-openapi, username: app-1001, password: '${ISDP_APP_TOKEN}' }",
  ].join("\n");
}

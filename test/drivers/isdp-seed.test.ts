import { afterEach, describe, expect, it } from "vitest";
import { applyDir, emulatorWith, manifestDir, planDir, type TestEmulator } from "../helpers/orgform.js";

/** The request example of the seed page (person/batchUpdatePerson), field for field and in order. */
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

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("the seed page's batchUpdatePerson example", () => {
  it("is sent byte for byte from a manifest, and the person then plans no changes", async () => {
    emulator = await emulatorWith({
      isdp: {
        clients: [{ client_id: "isdp-saas-openapi", username: "app-1001", password: ENV.ISDP_APP_TOKEN }],
        // The person exists (stored under the suffixed code) and has none of the fields yet.
        persons: [{ personCode: "h007996952@hw", personId: 5001610, personStatus: "OpenAccount" }],
        catalog: { orgNo: ["robin_test_4_0"], roleNo: ["test Role1", "robin_test_func"], positionCode: ["test012", "robin_test_postion_01"], qualificationCode: ["61"] },
      },
    });
    const dir = manifestDir({
      "target.yaml": [
        "apiVersion: orgform/v1",
        "kind: Target",
        "name: site",
        "driver: isdp",
        `endpoint: ${emulator.url}/isdp`,
        "credentials: { clientId: isdp-saas-openapi, username: app-1001, password: '${ISDP_APP_TOKEN}' }",
      ].join("\n"),
      "persons.yaml": SEED_MANIFEST,
    });

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => [r.key, r.op, r.status])).toEqual([["h007996952", "update", "done"]]);
    const updates = emulator.calls("isdp").filter((c) => c.path === "/openapi/v1/person/batchUpdatePerson");
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.body)).toBe(JSON.stringify(SEED_BODY));
    const stored = (emulator.vendor("isdp").getState() as { persons: Record<string, unknown>[] }).persons;
    expect(stored).toEqual([expect.objectContaining({ personCode: "h007996952@hw", roleNo: "test Role1,robin_test_func", phone: "13572003291" })]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { MADE_UP_GROUP } from "../../src/drivers/dingtalk/doctor.js";
import { dingtalk } from "../../src/drivers/dingtalk/index.js";
import { connectTargets } from "../../src/engine/connections.js";
import { DriverError } from "../../src/model/errors.js";
import { FAST_RETRY, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { GROUP, SECRET, tenant } from "./dingtalk-fixtures.js";

const emulators = useEmulator();
const doctor = dingtalk.doctor!;

function connect(emulator: TestEmulator) {
  const target = { name: "att", driver: "dingtalk", endpoint: `${emulator.url}/dingtalk`, credentials: { appKey: "app-1", appSecret: SECRET }, credentialRefs: { appKey: "app-1", appSecret: "${DT_SECRET}" } };
  return connectTargets([target], { retry: FAST_RETRY }).get("att")!;
}

async function judge(emulator: TestEmulator, id: string) {
  const connection = connect(emulator);
  const assumption = doctor.assumptions.find((a) => a.id === id)!;
  return assumption.check!({ answers: new Map(), read: (request) => connection.call(request) });
}

describe("dingtalk doctor", () => {
  it("probes the member list with the smallest page of a made-up group: permitted, answered not found, never a write", async () => {
    const emulator = await emulators.start(tenant(["u1"]));
    const probe = doctor.probes[0]!;

    const failure = await connect(emulator).call(probe.request).catch((e: unknown) => e);

    expect(probe.request.body).toMatchObject({ punch_group_id: MADE_UP_GROUP, size: 1 });
    expect(failure).toBeInstanceOf(DriverError);
    expect(failure).toMatchObject({ failure: "notFound" });
    expect(emulator.calls().map((c) => c.path)).toEqual(["/gettoken", "/topapi/pbp/instance/group/member/list"]);
  });

  it("checks a member-list answer with the driver's own schema", async () => {
    const emulator = await emulators.start(tenant(["u1"]));
    const data = await connect(emulator).call({ ...doctor.probes[0]!.request, body: { punch_group_id: GROUP, cursor: 0, size: 1 } });

    expect(doctor.probes[0]!.check(data)).toBeUndefined();
    expect(doctor.probes[0]!.check({ errcode: 0, result: { list: [{ type: 0 }] } })).toMatch(/member_id/);
  });

  it("reports the unknown-group errcode as holding for 60121 and contradicted for another code", async () => {
    const holds = await judge(await emulators.start(tenant([])), "dingtalk.unknown-group-errcode");
    const other = await judge(await emulators.start(tenant([], { unknownGroupErrcode: 400002 })), "dingtalk.unknown-group-errcode");

    expect(holds).toMatchObject({ verdict: "holds" });
    expect(other).toMatchObject({ verdict: "contradicted", detail: expect.stringContaining("400002") });
  });

  it("names the permission when the app may not call the member list, and cannot check the assumption then", async () => {
    const emulator = await emulators.start(tenant([], { refusedApis: ["/topapi/pbp/instance/group/member/list"] }));

    const failure = await connect(emulator).call(doctor.probes[0]!.request).catch((e: unknown) => e);
    const result = await judge(emulator, "dingtalk.unknown-group-errcode");

    expect(failure).toMatchObject({ failure: "permission", code: 88, vendorMessage: expect.stringContaining("60011") });
    expect(doctor.probes[0]!.permission).toMatch(/pbp/);
    expect(result).toMatchObject({ verdict: "cannot check", detail: expect.stringContaining("grant") });
  });

  it("reports the page size as holding when size 100 is answered like size 1", async () => {
    const result = await judge(await emulators.start(tenant([])), "dingtalk.member-page-size");

    expect(result).toMatchObject({ verdict: "holds", detail: expect.stringContaining("60121") });
  });

  it("declares department members on update as an assumption no read can check", () => {
    const dept = doctor.assumptions.find((a) => a.id === "dingtalk.department-members-on-update");

    expect(dept?.check).toBeUndefined();
    expect(dept?.source).toMatch(/^unverified/);
  });
});

import { describe, expect, it } from "vitest";
import { jiandaoyun } from "../../src/drivers/jiandaoyun/index.js";
import { connectTargets } from "../../src/engine/connections.js";
import { DriverError } from "../../src/model/errors.js";
import { FAST_RETRY, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { API_KEY, company, group, role, usernames, users } from "./jiandaoyun-fixtures.js";

const emulators = useEmulator();
const doctor = jiandaoyun.doctor!;

function connect(emulator: TestEmulator) {
  const target = { name: "jdy", driver: "jiandaoyun", endpoint: `${emulator.url}/jiandaoyun`, credentials: { apiKey: API_KEY }, credentialRefs: { apiKey: "${JDY_API_KEY}" } };
  return connectTargets([target], { retry: FAST_RETRY }).get("jdy")!;
}

async function judge(emulator: TestEmulator, id: string) {
  const connection = connect(emulator);
  return doctor.assumptions.find((a) => a.id === id)!.check!({ answers: new Map(), read: (request) => connection.call(request) });
}

const many = (n: number) => ({ roleGroups: Array.from({ length: n }, (_, i) => group(100 + i, `G${i}`)) });

describe("jiandaoyun doctor", () => {
  it("probes each list with the smallest page, checks the answers with the driver's schemas, and never writes", async () => {
    const emulator = await emulators.start(company({ roleGroups: [group(10, "G")], roles: [role(20, 10, "R", ["u0001"])] }));
    const connection = connect(emulator);
    const [groups, roles, members] = doctor.probes;

    expect(groups!.check(await connection.call(groups!.request))).toBeUndefined();
    expect(roles!.check(await connection.call(roles!.request))).toBeUndefined();
    expect(await connection.call(members!.request).catch((e: unknown) => e)).toMatchObject({ failure: "notFound", code: 1201 });
    expect(roles!.check({ roles: [{ name: "no number" }] })).toMatch(/role_no/);
    expect(doctor.probes.map((p) => (p.request.body as { limit: number }).limit)).toEqual([1, 1, 1]);
    expect(emulator.calls().every((c) => c.path.endsWith("/list"))).toBe(true);
  });

  it("names the failure when the key is refused", async () => {
    const emulator = await emulators.start({ jiandaoyun: { ...company().jiandaoyun, apiKeys: ["another-key"] } });

    const failure = await connect(emulator).call(doctor.probes[0]!.request).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(DriverError);
    expect(failure).toMatchObject({ failure: "auth", code: 17018 });
  });

  it("reports the list page size as holding when 100 are served, and as contradicted under a cap of 30", async () => {
    const holds = await judge(await emulators.start(company(many(120))), "jiandaoyun.list-page-size");
    const capped = await judge(await emulators.start(company({ ...many(120), limits: { pageSize: 30 } })), "jiandaoyun.list-page-size");
    const small = await judge(await emulators.start(company({ ...many(5), limits: { pageSize: 30 } })), "jiandaoyun.list-page-size");

    expect(holds).toMatchObject({ verdict: "holds" });
    expect(capped).toMatchObject({ verdict: "contradicted", detail: expect.stringContaining("at most 30") });
    expect(small).toMatchObject({ verdict: "holds", detail: expect.stringContaining("has 5") });
  });

  it("checks the member page size on the first role, and cannot check it without a role", async () => {
    const members = usernames(40);
    const tenant = (limits: object) => company({ users: users(members), roleGroups: [group(10, "G")], roles: [role(20, 10, "R", members)], limits });

    const holds = await judge(await emulators.start(tenant({})), "jiandaoyun.member-page-size");
    const capped = await judge(await emulators.start(tenant({ memberPageSize: 25 })), "jiandaoyun.member-page-size");
    const none = await judge(await emulators.start(company()), "jiandaoyun.member-page-size");

    expect(holds).toMatchObject({ verdict: "holds" });
    expect(capped).toMatchObject({ verdict: "contradicted", detail: expect.stringContaining("at most 25") });
    expect(none).toMatchObject({ verdict: "cannot check" });
  });

  it("declares every unverified behaviour with its source and handling", () => {
    const ids = doctor.assumptions.map((a) => a.id);

    expect(ids).toEqual(expect.arrayContaining(["jiandaoyun.empty-write-bodies", "jiandaoyun.departed-members", "jiandaoyun.auth-codes", "jiandaoyun.duplicate-names"]));
    for (const a of doctor.assumptions) expect([a.statement, a.source, a.handling].every((t) => t.length > 20)).toBe(true);
  });
});

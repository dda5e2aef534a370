import { describe, expect, it } from "vitest";
import { DriverError } from "../../src/model/errors.js";
import { applyDir, planDir, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { ENV, manifests, tenant, users } from "./dingtalk-fixtures.js";

const emulators = useEmulator();
let emulator: TestEmulator;

describe("dingtalk.PunchGroup over HTTP", () => {
  it("adds and removes members, then plans no changes", async () => {
    emulator = await emulators.start(tenant(["u1", "u2", "u3"]));
    const dir = manifests(emulator.url, ["u2", "u3", "u4", "u5"]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions).toHaveLength(1);
    expect(session.plan.actions[0]?.changes).toEqual([{ field: "members", add: ["u4", "u5"], remove: ["u1"] }]);
    expect(session.plan.summary).toMatchObject({ update: 1, add: 2, remove: 1 });
    expect(results.map((r) => r.status)).toEqual(["done"]);
    const again = await planDir(dir, ENV);
    expect(again.plan.actions).toEqual([]);
  });

  it("sends one sync_param with both lists, at most 100 entries per list per call", async () => {
    emulator = await emulators.start(tenant(users(120, "old")));
    const dir = manifests(emulator.url, users(250, "new"));

    const { results } = await applyDir(dir, ENV);

    const updates = emulator.calls("dingtalk").filter((c) => c.path.endsWith("/member/update"));
    expect(updates).toHaveLength(3);
    const lists = updates.map((c) => (c.body as { sync_param: { add_member_list?: unknown[]; delete_member_list?: unknown[] } }).sync_param);
    expect(lists.map((l) => [l.add_member_list?.length ?? 0, l.delete_member_list?.length ?? 0])).toEqual([
      [100, 100],
      [100, 20],
      [50, 0],
    ]);
    for (const l of lists) for (const m of [...(l.add_member_list ?? []), ...(l.delete_member_list ?? [])]) expect(m).toHaveProperty("type", 0);
    expect(results[0]).toMatchObject({ status: "done", calls: 3 });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("pages the member list with cursor and size until has_more is false", async () => {
    emulator = await emulators.start(tenant(users(250)));
    const dir = manifests(emulator.url, users(250));

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const lists = emulator.calls("dingtalk").filter((c) => c.path.endsWith("/member/list"));
    expect(lists.map((c) => (c.body as { cursor: number }).cursor)).toEqual([0, 100, 200]);
  });

  it("stays inside a target's lowered rate limit without a single 90018", async () => {
    emulator = await emulators.start(tenant([], { limits: { qps: 5 } }));
    const dir = manifests(emulator.url, users(450), { limits: "limits: { requestsPerSecond: 4 }" });

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(emulator.calls().filter((c) => c.code === 90018)).toEqual([]);
  });

  it.each([60121, 400002])("fails the plan naming a punch group the tenant answers with %s, before any write", async (errcode) => {
    emulator = await emulators.start(tenant(["u1"], { unknownGroupErrcode: errcode }));
    const dir = manifests(emulator.url, ["u1"], { group: "999" });

    const failure = await planDir(dir, ENV).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(DriverError);
    expect(failure).toMatchObject({ code: errcode, vendorMessage: expect.stringContaining('punch group "999"') });
    expect(emulator.calls().filter((c) => c.path.endsWith("/update"))).toEqual([]);
  });

  it("reports a vendor refusal in the results with the vendor's code and message", async () => {
    emulator = await emulators.start(tenant(["u1"], { users: ["u1"] }));
    const dir = manifests(emulator.url, ["u1", "ghost"]);

    const { results } = await applyDir(dir, ENV);

    expect(results).toEqual([expect.objectContaining({ status: "failed", code: 60121, message: "找不到该用户" })]);
  });

  it("never removes members under the additive policy", async () => {
    emulator = await emulators.start(tenant(["u1", "u2"]));
    const dir = manifests(emulator.url, ["u3"], { policy: "    membersPolicy: additive" });

    const { session } = await applyDir(dir, ENV);

    expect(session.plan.actions[0]?.changes).toEqual([{ field: "members", add: ["u3"], remove: [] }]);
    const state = emulator.vendor("dingtalk").getState() as { punchGroups: { members: { member_id: string }[] }[] };
    expect(state.punchGroups[0]?.members.map((m) => m.member_id)).toEqual(["u1", "u2", "u3"]);
  });
});

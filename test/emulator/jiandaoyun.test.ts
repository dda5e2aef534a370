import { describe, expect, it } from "vitest";
import type { JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { API, API_KEY, company, group, role } from "../drivers/jiandaoyun-fixtures.js";
import { useEmulator, type TestEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
let emulator: TestEmulator | undefined;

const state = () => emulator?.vendor("jiandaoyun").getState() as JiandaoyunSection;

/** One POST to the emulator's Jiandaoyun, as the vendor's own demos send it. */
async function call(path: string, body: unknown, init: { key?: string | null; method?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.key !== null) headers["authorization"] = `Bearer ${init.key ?? API_KEY}`;
  const res = await fetch(`${emulator?.url}/jiandaoyun${API}${path}`, { method: init.method ?? "POST", headers, body: init.method === "GET" ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text === "" ? "" : JSON.parse(text)) as Record<string, unknown> };
}

const tenant = () =>
  company({
    mode: "integrate",
    roleGroups: [group(10, "自建组"), group(11, "钉钉同步组", { synced: true })],
    roles: [role(20, 10, "甲", ["u0001"]), role(21, 10, "乙"), role(22, 11, "同步角色", ["u0002"], { synced: true })],
  });

describe("jiandaoyun emulator over HTTP", () => {
  it.each([
    ["no Authorization header", { key: null }, 8301],
    ["a key the company does not have", { key: "someone-elses-key" }, 17018],
  ])("refuses %s with HTTP 400 and code %s", async (_what, init, code) => {
    emulator = await emulators.start(tenant());

    expect(await call("/role_group/list", { limit: 10 }, init)).toEqual({ status: 400, body: { code, msg: expect.any(String) } });
  });

  it("accepts only POST, and only the paths it knows", async () => {
    emulator = await emulators.start(tenant());

    expect((await call("/role_group/list", {}, { method: "GET" })).status).toBe(405);
    expect((await call("/role_group/lists", {})).status).toBe(404);
  });

  it("serves one role when role/list is called without limit", async () => {
    emulator = await emulators.start(tenant());

    const quirk = await call("/role/list", {});
    const paged = await call("/role/list", { skip: 1, limit: 100, has_sync: false });

    expect(quirk.body["roles"]).toEqual([{ role_no: 20, group_no: 10, name: "甲", type: 0, status: 1 }]);
    expect((paged.body["roles"] as { role_no: number }[]).map((r) => r.role_no)).toEqual([21]);
  });

  it("lists synced objects with their integrate_id, and filters by origin", async () => {
    emulator = await emulators.start(tenant());

    const synced = await call("/role_group/list", { limit: 100, has_internal: false });
    const own = await call("/role_group/list", { limit: 100, has_sync: false });

    expect(synced.body["role_groups"]).toEqual([{ group_no: 11, name: "钉钉同步组", type: 0, status: 1, integrate_id: expect.any(String) }]);
    expect(own.body["role_groups"]).toEqual([{ group_no: 10, name: "自建组", type: 0, status: 1 }]);
  });

  it.each([
    ["role_group/update on a synced group", "/role_group/update", { role_group_no: 11, name: "x" }, 1202],
    ["role_group/delete on a synced group", "/role_group/delete", { role_group_no: 11 }, 1202],
    ["role/update on a synced role", "/role/update", { role_no: 22, group_no: 10, name: "x" }, 1202],
    ["role/add_members on a synced role", "/role/add_members", { role_no: 22, usernames: ["u0001"] }, 1202],
    ["role/create in a synced group", "/role/create", { group_no: 11, name: "x" }, 1202],
    ["a role group name over 24 characters", "/role_group/create", { name: "组".repeat(25) }, 1207],
    ["a role name over 24 characters", "/role/create", { group_no: 10, name: "r".repeat(25) }, 1207],
    ["deleting a group that still has roles", "/role_group/delete", { role_group_no: 10 }, 1208],
    ["an unknown role", "/role/delete", { role_no: 999 }, 1201],
    ["members of an unknown role", "/role/user/list", { role_no: 999, limit: 10 }, 1201],
    ["an unknown role group", "/role_group/update", { role_group_no: 999, name: "x" }, 1206],
    ["a role moved into an unknown group", "/role/update", { role_no: 20, group_no: 999 }, 1206],
    ["a role without a group", "/role/create", { name: "x" }, 1205],
    ["an unknown username", "/role/add_members", { role_no: 20, usernames: ["nobody"] }, 1010],
  ])("refuses %s (%s → %s)", async (_what, path, body, code) => {
    emulator = await emulators.start(tenant());
    const before = JSON.stringify(state());

    const answer = await call(path, body);

    expect(answer).toEqual({ status: 400, body: { code, msg: expect.any(String) } });
    expect(JSON.stringify(state())).toBe(before);
  });

  it("renames a group and answers with group_no (the request says role_group_no)", async () => {
    emulator = await emulators.start(tenant());

    const answer = await call("/role_group/update", { role_group_no: 10, name: "研发部门" });

    expect(answer).toEqual({ status: 200, body: { role_group: { group_no: 10, name: "研发部门", type: 0, status: 1 } } });
  });

  it("deletes an emptied group, and gives new roles and groups numbers from one sequence", async () => {
    emulator = await emulators.start(tenant());

    await call("/role/delete", { role_no: 20 });
    await call("/role/delete", { role_no: 21 });
    const deleted = await call("/role_group/delete", { role_group_no: 10 });
    const created = await call("/role_group/create", { name: "新组" });
    const roleAnswer = await call("/role/create", { group_no: (created.body["role_group"] as { group_no: number }).group_no, name: "新角色" });

    expect(deleted).toEqual({ status: 200, body: { status: "success" } });
    expect(created.body["role_group"]).toMatchObject({ group_no: 2501, name: "新组" });
    expect(roleAnswer.body["role"]).toMatchObject({ role_no: 2502, group_no: 2501, name: "新角色" });
  });

  it("answers 8304 over an endpoint's quota and 8303 over the company's, counting only admitted calls", async () => {
    emulator = await emulators.start({ jiandaoyun: { ...tenant().jiandaoyun, limits: { company: 3, endpoints: { [`${API}/role/list`]: 2 } } } });

    const codes: unknown[] = [];
    for (const path of ["/role/list", "/role/list", "/role/list", "/role_group/list", "/role_group/list"]) {
      codes.push((await call(path, { limit: 10 })).body["code"] ?? "ok");
    }

    expect(codes).toEqual(["ok", "ok", 8304, "ok", 8303]);
  });

  it("answers an injected rate-limit fault the vendor's way", async () => {
    emulator = await emulators.start(tenant());
    emulator.faults.configure({ probability: 1, seed: 1, kinds: ["ratelimit"] });

    expect(await call("/role/list", { limit: 10 })).toEqual({ status: 400, body: { code: 8304, msg: expect.any(String) } });
  });

  it("answers writes other than creates with an empty body when the state says so", async () => {
    emulator = await emulators.start({ jiandaoyun: { ...tenant().jiandaoyun, emptyWriteBodies: true } });

    expect(await call("/role/delete", { role_no: 21 })).toEqual({ status: 200, body: "" });
    expect(await call("/role/add_members", { role_no: 20, usernames: ["u0003"] })).toEqual({ status: 200, body: "" });
    expect((await call("/role/create", { group_no: 10, name: "丙" })).body).toMatchObject({ role: { name: "丙", group_no: 10 } });
    expect(state().roles.map((r) => r.name)).toEqual(["甲", "同步角色", "丙"]);
  });

  it("serves list pages no longer than the state's cap, and lists no departed member", async () => {
    const base = tenant().jiandaoyun;
    const users = [...base.users, { username: "gone", name: "GONE", departments: [1], status: "departed" as const }, { username: "new", name: "NEW", departments: [1], status: "invited" as const }];
    emulator = await emulators.start({ jiandaoyun: { ...base, users, roles: [role(20, 10, "甲", ["u0001", "gone", "new"])], limits: { pageSize: 1 } } });

    const groups = await call("/role_group/list", { skip: 0, limit: 100 });
    const members = await call("/role/user/list", { role_no: 20, skip: 0, limit: 100 });

    expect((groups.body["role_groups"] as unknown[]).length).toBe(1);
    expect(members.body["users"]).toEqual([expect.objectContaining({ username: "u0001", status: 1 }), expect.objectContaining({ username: "new", status: 0 })]);
  });
});

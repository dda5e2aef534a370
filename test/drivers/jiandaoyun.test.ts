import { describe, expect, it } from "vitest";
import type { JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { ManifestError } from "../../src/model/errors.js";
import { applyDir, planDir, type TestEmulator, useEmulator, applySession } from "../helpers/orgform.js";
import { API, company, ENV, group, manifests, role, users } from "./jiandaoyun-fixtures.js";

const emulators = useEmulator();
let emulator: TestEmulator;

const section = (e: TestEmulator) => e.vendor("jiandaoyun").getState() as JiandaoyunSection;
const writes = (e: TestEmulator) => e.calls("jiandaoyun").filter((c) => !c.path.endsWith("/list"));

describe("jiandaoyun role groups and roles over HTTP", () => {
  it("creates a group with roles and members in one apply, then plans no changes", async () => {
    emulator = await emulators.start(company());
    const dir = manifests(emulator.url, {
      groups: [{ name: "研发中心" }],
      roles: [
        { name: "后端", group: "研发中心", members: ["u0002", "u0001"] },
        { name: "前端", group: "研发中心", members: ["u0003"] },
      ],
    });

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.summary).toMatchObject({ create: 3, add: 3 });
    expect(results.map((r) => r.status)).toEqual(["done", "done", "done"]);
    const groupNo = section(emulator).roleGroups[0]?.group_no;
    const roleNoOf = (name: string) => section(emulator).roles.find((r) => r.name === name)?.role_no;
    const calls = writes(emulator).map((c) => [c.path, c.body]);
    expect(calls).toHaveLength(5);
    const at = (path: string, body: unknown) => calls.findIndex((c) => c[0] === `${API}${path}` && JSON.stringify(c[1]) === JSON.stringify(body));
    const groupCreate = at("/role_group/create", { name: "研发中心" });
    expect(groupCreate).toBe(0);
    for (const [name, members] of [["前端", ["u0003"]], ["后端", ["u0001", "u0002"]]] as const) {
      const create = at("/role/create", { group_no: groupNo, name });
      const add = at("/role/add_members", { role_no: roleNoOf(name), usernames: members });
      expect(create).toBeGreaterThan(groupCreate);
      expect(add).toBeGreaterThan(create);
    }
    expect(section(emulator).roles.map((r) => [r.name, r.group_no, r.members]).sort()).toEqual([
      ["前端", groupNo, ["u0003"]],
      ["后端", groupNo, ["u0001", "u0002"]],
    ].sort());
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("renames a pinned group with role_group/update and the documented example's exact body", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")] }));
    const dir = manifests(emulator.url, { groups: [{ name: "研发部门", group_no: 2559 }] });

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions.map((a) => [a.op, a.renamedFrom, a.key])).toEqual([["update", "研发中心", "研发部门"]]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    const update = writes(emulator);
    expect(update.map((c) => c.path)).toEqual([`${API}/role_group/update`]);
    expect(JSON.stringify(update[0]?.body)).toBe('{"role_group_no":2559,"name":"研发部门"}');
    expect(section(emulator).roleGroups).toEqual([group(2559, "研发部门")]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("renames a pinned group that has pinned roles without touching the roles", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")], roles: [role(2600, 2559, "后端", ["u0001"])] }));
    const dir = manifests(emulator.url, {
      groups: [{ name: "研发部门", group_no: 2559 }],
      roles: [{ name: "后端", group: "研发部门", role_no: 2600, members: ["u0001"] }],
    });

    const { session, results } = await applyDir(dir, ENV);

    // The role only follows its group's new name: the plan shows no change for it.
    expect(session.plan.actions.map((a) => [a.kind, a.renamedFrom, a.key])).toEqual([["jiandaoyun.RoleGroup", "研发中心", "研发部门"]]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(writes(emulator).map((c) => c.path)).toEqual([`${API}/role_group/update`]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("keeps an unpinned role under its renamed group: the group's identity settles the role's", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")], roles: [role(2600, 2559, "后端", ["u0001"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "研发部门", group_no: 2559 }], roles: [{ name: "后端", group: "研发部门", members: ["u0001", "u0002"] }] });

    const { session, results } = await applyDir(dir, ENV);

    expect(session.problems).toEqual([]);
    expect(session.plan.actions.map((a) => [a.kind, a.key, a.renamedFrom])).toEqual([
      ["jiandaoyun.Role", "研发部门/后端", "研发中心/后端"],
      ["jiandaoyun.RoleGroup", "研发部门", "研发中心"],
    ]);
    expect(results.map((r) => r.status)).toEqual(["done", "done"]);
    // No second role: the live role 2600 gains its member, and nothing is created.
    expect(writes(emulator).map((c) => c.path).sort()).toEqual([`${API}/role/add_members`, `${API}/role_group/update`]);
    expect(section(emulator).roles.map((r) => [r.role_no, r.name, r.members])).toEqual([[2600, "后端", ["u0001", "u0002"]]]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("moves a pinned role to another group, and into a group created in the same apply", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "A"), group(11, "B")], roles: [role(20, 10, "架构师", ["u0001"]), role(21, 10, "测试", [])] }));
    const dir = manifests(emulator.url, {
      groups: [{ name: "A" }, { name: "B" }, { name: "C" }],
      roles: [
        { name: "架构师", group: "B", role_no: 20 },
        { name: "测试负责人", group: "C", role_no: 21 },
      ],
    });

    const { results } = await applyDir(dir, ENV);

    expect(results.every((r) => r.status === "done")).toBe(true);
    const groupC = section(emulator).roleGroups.find((g) => g.name === "C")?.group_no;
    const calls = writes(emulator).map((c) => JSON.stringify([c.path, c.body]));
    expect([...calls].sort()).toEqual(
      [
        [`${API}/role/update`, { role_no: 20, group_no: 11, name: "架构师" }],
        [`${API}/role/update`, { role_no: 21, group_no: groupC, name: "测试负责人" }],
        [`${API}/role_group/create`, { name: "C" }],
      ].map((c) => JSON.stringify(c)),
    );
    // The move into C waits for C to exist: its group_no comes from the create's answer.
    expect(calls.indexOf(JSON.stringify([`${API}/role_group/create`, { name: "C" }]))).toBeLessThan(calls.findIndex((c) => c.includes('"role_no":21')));
    expect(section(emulator).roles.map((r) => [r.role_no, r.group_no, r.name, r.members])).toEqual([
      [20, 11, "架构师", ["u0001"]],
      [21, groupC, "测试负责人", []],
    ]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("moves an unpinned role named by previousKeys", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "A"), group(11, "B")], roles: [role(20, 10, "值班", ["u0001"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "A" }, { name: "B" }], roles: [{ name: "值班长", group: "B", previousKeys: ["A/值班"], members: ["u0001"] }] });

    await applyDir(dir, ENV);

    expect(writes(emulator).map((c) => [c.path, c.body])).toEqual([[`${API}/role/update`, { role_no: 20, group_no: 11, name: "值班长" }]]);
  });

  it("renames a role within its group and changes members with only the Role kind selected", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "G")], roles: [role(20, 10, "旧名", ["u0001"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "新名", group: "G", role_no: 20, members: ["u0002"] }] });

    const session = await planDir(dir, ENV, { kind: ["jiandaoyun.Role"] });
    const results = await applySession(session);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(writes(emulator).map((c) => [c.path, c.body])).toEqual([
      [`${API}/role/update`, { role_no: 20, group_no: 10, name: "新名" }],
      [`${API}/role/add_members`, { role_no: 20, usernames: ["u0002"] }],
      [`${API}/role/remove_members`, { role_no: 20, usernames: ["u0001"] }],
    ]);
  });

  it("creates a role in an existing group and moves one there with only the Role kind selected", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "G"), group(11, "H")], roles: [role(20, 10, "甲")] }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }, { name: "H" }], roles: [{ name: "甲", group: "H", role_no: 20 }, { name: "乙", group: "H" }] });

    const session = await planDir(dir, ENV, { kind: ["jiandaoyun.Role"] });
    const results = await applySession(session);

    expect(session.plan.actions.map((a) => a.kind)).toEqual(["jiandaoyun.Role", "jiandaoyun.Role"]);
    expect(results.map((r) => r.status)).toEqual(["done", "done"]);
    expect(writes(emulator).map((c) => [c.path, c.body]).sort()).toEqual([
      [`${API}/role/create`, { name: "乙", group_no: 11 }],
      [`${API}/role/update`, { role_no: 20, group_no: 11, name: "甲" }],
    ]);
  });

  it("rejects a name over 24 characters before any call", async () => {
    emulator = await emulators.start(company());
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "角".repeat(25), group: "G" }] });

    const failure = await planDir(dir, ENV).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ManifestError);
    expect((failure as ManifestError).diagnostics.map((d) => d.path)).toEqual(["items[0].name"]);
    expect(emulator.calls("jiandaoyun")).toEqual([]);
  });

  it("deletes a group with its roles, roles first", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "旧组"), group(11, "留下")], roles: [role(20, 10, "甲", ["u0001"]), role(21, 10, "乙"), role(22, 11, "丙")] }));
    const dir = manifests(emulator.url, {
      groups: [{ name: "旧组", absent: true }, { name: "留下" }],
      roles: [
        { name: "甲", group: "旧组", absent: true },
        { name: "乙", group: "旧组", absent: true },
      ],
    });

    const { session, results } = await applyDir(dir, ENV);

    const groupDelete = session.plan.actions.find((a) => a.kind === "jiandaoyun.RoleGroup");
    expect(groupDelete?.dependsOn).toEqual(["jdy/jiandaoyun.Role/旧组/乙", "jdy/jiandaoyun.Role/旧组/甲"]);
    expect(results.every((r) => r.status === "done")).toBe(true);
    const paths = writes(emulator).map((c) => c.path);
    expect(paths.slice(0, 2)).toEqual([`${API}/role/delete`, `${API}/role/delete`]);
    expect(paths[2]).toBe(`${API}/role_group/delete`);
    expect(section(emulator).roleGroups.map((g) => g.name)).toEqual(["留下"]);
    expect(section(emulator).roles.map((r) => r.name)).toEqual(["丙"]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("refuses to plan deleting a group whose live roles would stay behind", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "旧组")], roles: [role(20, 10, "甲")] }));
    const dir = manifests(emulator.url, { groups: [{ name: "旧组", absent: true }], roles: [] });

    const { problems } = await planDir(dir, ENV);

    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining("jdy/jiandaoyun.Role/旧组/甲 still refers to it")]);
  });

  it("keeps members it does not list under membersPolicy: additive", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "G")], roles: [role(20, 10, "R", ["u0001", "u0002"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: ["u0003"], membersPolicy: "additive" }] });

    await applyDir(dir, ENV);

    expect(writes(emulator).map((c) => [c.path, c.body])).toEqual([[`${API}/role/add_members`, { role_no: 20, usernames: ["u0003"] }]]);
    expect(section(emulator).roles[0]?.members).toEqual(["u0001", "u0002", "u0003"]);
  });

  it("pages with skip/limit, always sending limit, until an empty page or a page shorter than one the list already served", async () => {
    const groups = Array.from({ length: 250 }, (_, i) => group(1000 + i, `组${i}`));
    emulator = await emulators.start(company({ roleGroups: groups, roles: [role(5000, 1000, "R", [])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "组0" }], roles: [{ name: "R", group: "组0" }] });

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const lists = emulator.calls("jiandaoyun").map((c) => [c.path.slice(API.length), c.body]);
    expect(lists).toEqual(
      expect.arrayContaining([
        ["/role_group/list", { has_internal: true, has_sync: false, skip: 0, limit: 100 }],
        ["/role_group/list", { has_internal: true, has_sync: false, skip: 100, limit: 100 }],
        ["/role_group/list", { has_internal: true, has_sync: false, skip: 200, limit: 100 }],
        ["/role_group/list", { has_internal: false, has_sync: true, skip: 0, limit: 100 }],
        ["/role/list", { has_internal: true, has_sync: false, skip: 0, limit: 100 }],
        ["/role/list", { has_internal: true, has_sync: false, skip: 1, limit: 100 }],
        ["/role/list", { has_internal: false, has_sync: true, skip: 0, limit: 100 }],
        ["/role/user/list", { role_no: 5000, skip: 0, limit: 10000 }],
      ]),
    );
    // 50 after a page of 100 is the end; a first page of one role may be capped, so an empty page confirms it.
    expect(lists).toHaveLength(8);
  });

  it("treats synced (integrate-mode) groups and roles as read-only at plan time", async () => {
    emulator = await emulators.start(
      company({ mode: "integrate", roleGroups: [group(10, "钉钉角色", { synced: true })], roles: [role(20, 10, "主管", ["u0001"], { synced: true })] }),
    );
    const dir = manifests(emulator.url, {
      groups: [{ name: "钉钉角色" }],
      roles: [
        { name: "主管", group: "钉钉角色", members: ["u0001", "u0002"] },
        { name: "新角色", group: "钉钉角色" },
      ],
    });

    const { problems, state } = await planDir(dir, ENV);

    expect(state.live.get("jdy")?.filter((r) => r.readOnly).map((r) => r.key)).toEqual(["钉钉角色", "钉钉角色/主管"]);
    expect(problems.map((p) => p.message).sort()).toEqual([
      expect.stringContaining("jdy/jiandaoyun.Role/钉钉角色/主管: is read-only"),
      expect.stringContaining('cannot create or move a role into role group "钉钉角色"'),
    ]);
    expect(writes(emulator)).toEqual([]);
  });

  it("surfaces a vendor refusal with its code and message", async () => {
    emulator = await emulators.start(company({ roleGroups: [group(10, "G")], users: users(["u0001"]) }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: ["ghost"] }] });

    const { results } = await applyDir(dir, ENV);

    expect(results).toEqual([expect.objectContaining({ status: "failed", code: 1010, message: expect.stringContaining("ghost") })]);
  });
});

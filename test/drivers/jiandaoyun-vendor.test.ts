import { describe, expect, it } from "vitest";
import { compileContext } from "../../src/apply/compile.js";
import { role as roleKind } from "../../src/drivers/jiandaoyun/kinds/role.js";
import { roleGroup as groupKind } from "../../src/drivers/jiandaoyun/kinds/role-group.js";
import type { JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { applyDir, planDir, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { API, company, ENV, group, manifests, role, usernames, users } from "./jiandaoyun-fixtures.js";

const emulators = useEmulator();
const section = (e: TestEmulator) => e.vendor("jiandaoyun").getState() as JiandaoyunSection;
const writes = (e: TestEmulator) => e.calls("jiandaoyun").filter((c) => !c.path.endsWith("/list"));

describe("Jiandaoyun where the sources leave two readings open", () => {
  it.each([false, true])("counts writes done whether they answer a body or an empty one (empty: %s)", async (emptyWriteBodies) => {
    const emulator = await emulators.start(
      company({ emptyWriteBodies, roleGroups: [group(10, "G"), group(11, "Old")], roles: [role(20, 10, "R", ["u0001"]), role(21, 10, "Gone")] }),
    );
    const dir = manifests(emulator.url, {
      groups: [{ name: "G" }, { name: "New", group_no: 11 }],
      roles: [{ name: "R", group: "G", members: ["u0002"] }, { name: "Gone", group: "G", absent: true }],
    });

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(["done", "done", "done"]);
    const answered = writes(emulator).map((c) => [c.path.slice(API.length), c.status]);
    expect(answered).toEqual(expect.arrayContaining([["/role/delete", 200], ["/role_group/update", 200], ["/role/add_members", 200], ["/role/remove_members", 200]]));
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("reads everything when lists serve 30 while the driver asks 100: no object missed, none created twice", async () => {
    const groups = Array.from({ length: 75 }, (_, i) => group(1000 + i, `G${i}`));
    const roles = Array.from({ length: 75 }, (_, i) => role(3000 + i, 1000, `R${i}`));
    const emulator = await emulators.start(company({ roleGroups: groups, roles, limits: { pageSize: 30 } }));
    const dir = manifests(emulator.url, { groups: groups.map((g) => ({ name: g.name })), roles: roles.map((r) => ({ name: r.name, group: "G0" })) });

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const ownGroupPages = emulator.calls("jiandaoyun").filter((c) => c.path === `${API}/role_group/list` && (c.body as { has_internal: boolean }).has_internal);
    expect(ownGroupPages.map((c) => (c.body as { skip: number; limit: number }).skip)).toEqual([0, 30, 60]);
    expect(ownGroupPages.every((c) => (c.body as { limit: number }).limit === 100)).toBe(true);
  });

  it("reads every member when role/user/list serves fewer than asked", async () => {
    const members = usernames(25);
    const emulator = await emulators.start(company({ users: users(members), roleGroups: [group(10, "G")], roles: [role(20, 10, "R", members)], limits: { memberPageSize: 10 } }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members }] });

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    expect(emulator.calls("jiandaoyun").filter((c) => c.path.endsWith("/role/user/list")).map((c) => (c.body as { skip: number }).skip)).toEqual([0, 10, 20]);
  });

  it("cannot see a departed member who holds a role: named in a manifest, it shows as an addition on every plan", async () => {
    const people = [...users(["u1", "u2"]), { username: "gone", name: "GONE", departments: [1], status: "departed" as const }];
    const emulator = await emulators.start(company({ users: people, roleGroups: [group(10, "G")], roles: [role(20, 10, "R", ["u1", "gone"])] }));
    const keep = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: ["u1"] }] });
    const naming = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: ["u1", "gone"] }] });

    const unchanged = await planDir(keep, ENV);
    await applyDir(naming, ENV);
    const again = await planDir(naming, ENV);

    expect(unchanged.plan.actions).toEqual([]);
    expect(again.plan.actions.map((a) => a.changes)).toEqual([[{ field: "members", add: ["gone"], remove: [] }]]);
    expect(section(emulator).roles[0]?.members).toEqual(["u1", "gone"]);
  });

  it("marks role and role-group creates as not safe to repeat", async () => {
    const emulator = await emulators.start(company());
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: [] }] });
    const { plan } = await planDir(dir, ENV);
    const ctx = compileContext("jdy", [], plan.actions);

    const requests = plan.actions.flatMap((a) => (a.kind === groupKind.kind ? groupKind : roleKind).compile(a, ctx));

    expect(requests.map((r) => [r.path.slice(API.length), r.retrySafe])).toEqual([
      ["/role_group/create", false],
      ["/role/create", false],
    ]);
  });
});

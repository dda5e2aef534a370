import { describe, expect, it } from "vitest";
import { company, ENV, group, manifests, role } from "../drivers/jiandaoyun-fixtures.js";
import { planDir, runCli, useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
const GROUP = "jiandaoyun.RoleGroup";
const ROLE = "jiandaoyun.Role";
const actions = (plan: { actions: { kind: string; op: string; key: string }[] }) => plan.actions.map((a) => [a.kind, a.op, a.key]);

describe("--target/--kind narrowing never yields a plan apply could not carry out", () => {
  it("plans the roles of a renamed group with the group, and says so", async () => {
    const emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")], roles: [role(2600, 2559, "后端", ["u0001"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "研发部门", group_no: 2559 }], roles: [{ name: "后端", group: "研发部门", members: ["u0001", "u0002"] }] });

    const whole = await planDir(dir, ENV);
    const narrowed = await planDir(dir, ENV, { kind: [ROLE] });

    expect(narrowed.widened).toEqual([`also planning ${GROUP} in target "jdy": planned without it, the selected kinds would plan differently`]);
    expect(narrowed.problems).toEqual([]);
    expect(actions(narrowed.plan)).toEqual(actions(whole.plan));
    expect(narrowed.plan.selection).toEqual({ targets: [], kinds: [ROLE] });
  });

  it("keeps a narrowing that needs nothing else as it is", async () => {
    const emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")], roles: [role(2600, 2559, "后端", ["u0001"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "研发中心", group_no: 2559, }], roles: [{ name: "后端", group: "研发中心", members: ["u0001", "u0002"] }] });

    const narrowed = await planDir(dir, ENV, { kind: [ROLE] });

    expect(narrowed.widened).toEqual([]);
    expect(actions(narrowed.plan)).toEqual([[ROLE, "update", "研发中心/后端"]]);
    expect(narrowed.plan.targets[0]?.scope.map((s) => s.kind)).toEqual([ROLE]);
  });

  it("plans the roles deleted with their group, and says so", async () => {
    const emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")], roles: [role(2600, 2559, "后端")] }));
    const dir = manifests(emulator.url, { groups: [{ name: "研发中心", group_no: 2559, absent: true }], roles: [{ name: "后端", group: "研发中心", role_no: 2600, absent: true }] });

    const narrowed = await planDir(dir, ENV, { kind: [GROUP] });

    expect(narrowed.widened).toEqual([`also planning ${ROLE} in target "jdy": the selected changes depend on its changes`]);
    expect(actions(narrowed.plan)).toEqual([
      [ROLE, "delete", "研发中心/后端"],
      [GROUP, "delete", "研发中心"],
    ]);
  });

  it("reports a group deleted while a live role is left in it, instead of skipping the check", async () => {
    const emulator = await emulators.start(
      company({ roleGroups: [group(2559, "研发中心"), group(2560, "销售")], roles: [role(2600, 2559, "后端"), role(2601, 2560, "客服")] }),
    );
    const dir = manifests(emulator.url, {
      groups: [{ name: "研发中心", group_no: 2559, absent: true }, { name: "销售", group_no: 2560 }],
      roles: [{ name: "客服", group: "销售", role_no: 2601 }],
    });

    const narrowed = await planDir(dir, ENV, { kind: [GROUP] });

    expect(narrowed.widened).toEqual([]);
    expect(narrowed.problems.map((p) => p.message)).toEqual([
      expect.stringContaining(`cannot delete jdy/${GROUP}/研发中心: jdy/${ROLE}/研发中心/后端 still refers to it`),
    ]);
  });

  it("says on stderr that the CLI widened the selection", async () => {
    const emulator = await emulators.start(company({ roleGroups: [group(2559, "研发中心")], roles: [role(2600, 2559, "后端", ["u0001"])] }));
    const dir = manifests(emulator.url, { groups: [{ name: "研发部门", group_no: 2559 }], roles: [{ name: "后端", group: "研发部门", members: ["u0001"] }] });

    const run = await runCli(["plan", dir, "--kind", ROLE], { env: ENV, cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Note: also planning ${GROUP} in target "jdy": planned without it, the selected kinds would plan differently.`);
    expect(run.stdout).toContain("研发部门");
  });
});

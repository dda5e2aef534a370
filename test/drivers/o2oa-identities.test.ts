import { describe, expect, it } from "vitest";
import { applyDir, planDir, useEmulator } from "../helpers/orgform.js";
import { ENV, manifests, stateUnit, SYNC, tenant } from "./o2oa-fixtures.js";

/**
 * The platform's unit delete takes the unit's identities with it, and the emulator deletes the
 * same way: what keeps them is the plan-time refusal, unless an item opts in.
 */
const emulator = useEmulator();
const HQ = { name: "总部", unique: "hq" };
const RD = { name: "研发部", unique: "rd", superior: "hq" };
const MEMBERS = [
  { name: "张三", person: "张三@zs@P", unique: "zs-rd" },
  { name: "李四", person: "李四@ls@P", unique: "ls-rd" },
];
const UNMANAGED_DELETE = ["credentials:", "  credential: orgsync", "  password: ${O2OA_PASSWORD}", "policy:", "  o2oa.Unit:", "    unmanaged: delete"];

describe("o2oa.Unit deletes and the identities units hold", () => {
  it("refuses at plan time to delete a unit that holds identities, naming them, with file and line", async () => {
    const emu = await emulator.start(tenant([HQ, { ...RD, identities: MEMBERS }]));

    const session = await planDir(manifests(emu.url, [HQ, { ...RD, absent: true }]), ENV);

    expect(session.problems).toEqual([
      {
        source: expect.objectContaining({ file: expect.stringMatching(/units\.yaml$/), line: expect.any(Number) }),
        path: "absent",
        message: expect.stringMatching(/^oa\/o2oa\.Unit\/rd: deleting it would also delete the 2 identities it holds \(张三@zs-rd@I, 李四@ls-rd@I\).*deleteWithIdentities: true/),
      },
    ]);
    await expect(applyDir(manifests(emu.url, [HQ, { ...RD, absent: true }]), ENV)).rejects.toThrow();
    expect(emu.calls().filter((c) => c.path === SYNC)).toEqual([]);
    expect(stateUnit(emu.vendor("o2oa").getState(), "rd")?.["identities"]).toHaveLength(2);
  });

  it("refuses an unmanaged delete of a unit that holds identities, and says how to opt in", async () => {
    const emu = await emulator.start(tenant([HQ, { ...RD, identities: MEMBERS }, { name: "空部门", unique: "empty", superior: "hq" }]));

    const session = await planDir(manifests(emu.url, [HQ], UNMANAGED_DELETE), ENV);

    expect(session.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^oa\/o2oa\.Unit\/rd: the unmanaged delete is refused: deleting it would also delete the 2 identities .*absent: true and deleteWithIdentities: true$/),
    ]);
    expect(session.plan.actions.map((a) => [a.op, a.key]).sort()).toEqual([
      ["delete", "empty"],
      ["delete", "rd"],
    ]);
  });

  it("deletes a unit with its identities when its item says deleteWithIdentities: true", async () => {
    const emu = await emulator.start(tenant([HQ, { ...RD, identities: MEMBERS }]));
    const dir = manifests(emu.url, [HQ, { ...RD, absent: true, deleteWithIdentities: true }]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.problems).toEqual([]);
    expect(results.map((r) => [r.key, r.status])).toEqual([["rd", "done"]]);
    expect(stateUnit(emu.vendor("o2oa").getState(), "rd")).toBeUndefined();
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("deletes a unit without identities as before, and refuses deleteWithIdentities on a unit that stays", async () => {
    const emu = await emulator.start(tenant([HQ, RD]));

    const stays = await planDir(manifests(emu.url, [HQ, { ...RD, deleteWithIdentities: true }]), ENV);
    const { results } = await applyDir(manifests(emu.url, [HQ, { ...RD, absent: true }]), ENV);

    expect(stays.problems.map((p) => [p.path, p.message])).toEqual([["deleteWithIdentities", "oa/o2oa.Unit/rd: deleteWithIdentities only has a meaning next to absent: true"]]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
  });
});

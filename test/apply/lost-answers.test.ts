import { describe, expect, it } from "vitest";
import type { JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { applySession, planDir, useEmulator, type TestEmulator } from "../helpers/orgform.js";
import { API, company, ENV, group, manifests, users } from "../drivers/jiandaoyun-fixtures.js";

const emulators = useEmulator();
const section = (e: TestEmulator) => e.vendor("jiandaoyun").getState() as JiandaoyunSection;
const creates = (e: TestEmulator) => e.calls("jiandaoyun").filter((c) => c.path === `${API}/role/create`);

/**
 * Seed 105 at probability 0.2 faults the first call and none of the next fourteen, so only the
 * role's create (the first call of the apply) is hit.
 */
async function applyWithFirstCallFaulted(kind: "lost" | "reset") {
  const emulator = await emulators.start(company({ roleGroups: [group(10, "G")], users: users(["u0001"]) }));
  const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: ["u0001"] }] });
  const session = await planDir(dir, ENV);
  await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 0.2, seed: 105, kinds: [kind] }) });
  const results = await applySession(session);
  await fetch(`${emulator.url}/_emulator/faults`, { method: "DELETE" });
  return { emulator, dir, results };
}

describe("a create whose answer is lost", () => {
  it("is not repeated; the vendor holds it, so it is done and its later calls use the id read back", async () => {
    const { emulator, dir, results } = await applyWithFirstCallFaulted("lost");

    expect(creates(emulator).map((c) => c.code)).toEqual(["fault:lost"]);
    expect(results.map((r) => [r.op, r.status])).toEqual([["create", "done"]]);
    expect(section(emulator).roles.map((r) => [r.name, r.members])).toEqual([["R", ["u0001"]]]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("is not repeated; the vendor does not hold it, so it failed, and says so", async () => {
    const { emulator, dir, results } = await applyWithFirstCallFaulted("reset");

    expect(creates(emulator)).toHaveLength(1);
    expect(results).toMatchObject([{ op: "create", status: "failed" }]);
    expect(results[0]?.message).toMatch(/answer to POST .*role\/create was lost and jiandaoyun\.Role "G\/R" is not at the vendor/);
    expect(section(emulator).roles).toEqual([]);
    expect((await planDir(dir, ENV)).plan.actions.map((a) => a.op)).toEqual(["create"]);
  });
});

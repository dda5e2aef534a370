import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { applyDir, planDir, ROOT, useEmulator } from "../helpers/orgform.js";

const emu = useEmulator();

describe("examples/isdp against examples/emulator/isdp.yaml", () => {
  it("plans the expected changes, applies them, then plans none", async () => {
    const emulator = await emu.start(readStateFile(`${ROOT}examples/emulator/isdp.yaml`));
    const env = { ISDP_ENDPOINT: `${emulator.url}/isdp`, ISDP_APP_TOKEN: "demo-app-token-not-for-production" };
    const dir = `${ROOT}examples/isdp`;

    const { session, results } = await applyDir(dir, env);

    const byKey = new Map(session.plan.actions.map((a) => [a.key, a]));
    expect([...byKey].map(([key, a]) => [key, a.op]).sort()).toEqual([
      ["h007990001", "delete"],
      ["h007996952", "update"],
      ["h007996953", "create"],
      ["sup-0042", "create"],
    ]);
    expect(byKey.get("h007996952")?.changes.map((c) => c.field)).toEqual(["phone", "roleNo"]);
    expect(results.every((r) => r.status === "done")).toBe(true);
    expect((await planDir(dir, env)).plan.actions).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import type { XrxsSection } from "../../src/emulator/xinrenxinshi/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { applyDir, planDir, useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();

describe("examples/xinrenxinshi against examples/emulator/xinrenxinshi.yaml", () => {
  it("plans the rename, the create, the move and the delete, applies them and converges", async () => {
    const emulator = await emulators.start(readStateFile(exampleOf("xinrenxinshi").state));
    const { dir } = exampleOf("xinrenxinshi");
    const env = exampleEnv("xinrenxinshi", emulator.url);

    const { session, results } = await applyDir(dir, env);

    expect(session.plan.actions.map((a) => `${a.op} ${a.key}`)).toEqual(["update RD", "delete RD-LEGACY", "create RD-PLATFORM", "update RD-PLATFORM-DATA"]);
    expect(results.map((r) => r.status)).toEqual(["done", "done", "done", "done"]);
    const state = emulator.vendor("xinrenxinshi").getState() as XrxsSection;
    const byCode = new Map(state.departments.map((d) => [d.code, d]));
    expect(byCode.get("RD")).toMatchObject({ name: "研发中心", adminId: "emp-0001" });
    expect(byCode.get("RD-PLATFORM-DATA")?.parentId).toBe(byCode.get("RD-PLATFORM")?.departmentId);
    expect(byCode.has("RD-LEGACY")).toBe(false);
    expect((await planDir(dir, env)).plan.actions).toEqual([]);
  });
});

import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { emulatorWith, planDir, type TestEmulator } from "../helpers/orgform.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The Xinrenxinshi example with unmanaged departments deleted, its departments file moved by `place`. */
function example(place: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "orgform-discovery-plan-"));
  cpSync(exampleOf("xinrenxinshi").dir, dir, { recursive: true });
  const target = join(dir, "target.yaml");
  writeFileSync(target, readFileSync(target, "utf8").replace("xinrenxinshi.Department: { unmanaged: ignore }", "xinrenxinshi.Department: { unmanaged: delete, maxDeletePercent: 100 }"));
  place(dir);
  return dir;
}

describe("under unmanaged: delete, where a manifest sits never changes the plan", () => {
  it.each([
    ["a folder named dist", (dir: string) => (mkdirSync(join(dir, "dist")), renameSync(join(dir, "departments.yaml"), join(dir, "dist", "departments.yaml")))],
    ["a dot-file", (dir: string) => renameSync(join(dir, "departments.yaml"), join(dir, ".departments.yaml"))],
    ["a symbolically linked folder", (dir: string) => {
      const outside = mkdtempSync(join(tmpdir(), "orgform-linked-"));
      renameSync(join(dir, "departments.yaml"), join(outside, "departments.yaml"));
      symlinkSync(outside, join(dir, "org"));
    }],
  ])("%s: the same actions as next to the target, and no delete of what it defines", async (_name, place) => {
    emulator = await emulatorWith(readStateFile(exampleOf("xinrenxinshi").state));
    const env = exampleEnv("xinrenxinshi", emulator.url);

    const plain = await planDir(example(() => undefined), env);
    const moved = await planDir(example(place), env);

    const ops = (s: typeof plain) => s.plan.actions.map((a) => `${a.op} ${a.key}`);
    expect(moved.manifests.desired.length).toBe(plain.manifests.desired.length);
    expect(moved.manifests.desired.length).toBeGreaterThan(2);
    expect(ops(moved)).toEqual(ops(plain));
    const defined = new Set(moved.manifests.desired.filter((d) => !d.absent).map((d) => d.key));
    expect(moved.plan.actions.filter((a) => a.op === "delete" && defined.has(a.key))).toEqual([]);
  });
});

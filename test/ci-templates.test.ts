import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readStateFile } from "../src/emulator/state.js";
import { exampleEnv, exampleOf } from "./helpers/examples.js";
import { emulatorWith, ROOT, runCli, type TestEmulator } from "./helpers/orgform.js";

/** Every `orgform ...` command line of a template, without `npx` and shell redirections. */
function orgformCommands(file: string): string[][] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/npx orgform ([^>|;\n"']+)/g)].map((m) => (m[1] ?? "").trim().split(/\s+/));
}

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe.each(["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"])("%s", (template) => {
  it("plans on review, applies the saved plan on merge, and finds no drift afterwards", async () => {
    const commands = orgformCommands(template);
    expect(commands.map((c) => c[0])).toEqual(["plan", "apply", "plan"]);
    emulator = await emulatorWith(readStateFile(exampleOf("dingtalk").state));
    const repo = mkdtempSync(join(tmpdir(), "orgform-ci-"));
    cpSync(exampleOf("dingtalk").dir, join(repo, "org"), { recursive: true });
    const env = exampleEnv("dingtalk", emulator.url);

    const codes: number[] = [];
    for (const args of commands) codes.push((await runCli(args, { env, cwd: repo })).code);

    // The review plan has changes (2), the merge applies them (0), the nightly check is clean (0).
    expect(codes).toEqual([2, 0, 0]);
    expect(existsSync(join(repo, "plan.json"))).toBe(true);
  });

  it("refuses to apply the saved plan once the tenant changed after review", async () => {
    const [plan, apply] = orgformCommands(template);
    emulator = await emulatorWith(readStateFile(exampleOf("dingtalk").state));
    const repo = mkdtempSync(join(tmpdir(), "orgform-ci-"));
    cpSync(exampleOf("dingtalk").dir, join(repo, "org"), { recursive: true });
    const env = exampleEnv("dingtalk", emulator.url);

    await runCli(plan ?? [], { env, cwd: repo });
    const state = readStateFile(exampleOf("dingtalk").state) as { dingtalk: { punchGroups: { members: unknown[] }[] } };
    state.dingtalk.punchGroups[0]?.members.push({ member_id: "lisi", type: 0 });
    await fetch(`${emulator.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(state) });
    const applied = await runCli(apply ?? [], { env, cwd: repo });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain("the plan is stale");
  });
});

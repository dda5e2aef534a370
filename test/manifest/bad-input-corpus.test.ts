import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorWith, ROOT, runCli, type CliRun, type TestEmulator } from "../helpers/orgform.js";
import { loadLikeCli } from "../manifest/in-process.js";

const BAD = join(ROOT, "test/fixtures/bad");
const SECRET = "corpus-secret-value-42";

/** Each manifest fixture says what its error must mention on its first line: `# expect: <regex>`. */
const manifests = readdirSync(BAD)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => [f, new RegExp((/^# expect: (.*)$/m.exec(readFileSync(join(BAD, f), "utf8").slice(0, 2000))?.[1] ?? "").trim())] as const);
const plans = readdirSync(join(BAD, "plans"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => [f, new RegExp(readFileSync(join(BAD, "plans", f.replace(/\.json$/, ".expect")), "utf8").trim())] as const);

/** Fixtures also run through the built binary (plan, validate and apply), one per kind of failure. */
const SPAWNED = new Set(["encoding-gbk.yaml", "policy-kind-typo.yaml", "yaml-tag-binary.yaml", "did-you-mean-target-field.yaml", "targets-same-tenant.yaml"]);

let emulator: TestEmulator;
let env: Record<string, string>;
beforeAll(async () => {
  emulator = await emulatorWith({ dingtalk: { apps: [{ appKey: "k", appSecret: SECRET }], punchGroups: [{ punch_group_id: "1", biz_inst_id: "1", members: [] }] } });
  env = { ORGFORM_TEST_URL: `${emulator.url}/dingtalk`, TEST_SECRET: SECRET };
});
afterAll(() => emulator.close());

function expectRefused(run: CliRun, file: string, expected: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(new RegExp(`^${file.replace(/\./g, "\\.")}:\\d+:\\d+ `, "m"));
  expect(run.stderr).toMatch(expected);
  expect(run.stderr).not.toContain("This is a bug");
  expect(run.stdout + run.stderr).not.toContain(SECRET);
}

describe("the hostile input corpus", () => {
  it("has at least 70 manifests and a dozen plan files", () => {
    expect(manifests.length).toBeGreaterThanOrEqual(70);
    expect(plans.length).toBeGreaterThanOrEqual(12);
  });

  it.each(manifests)("%s: exit 1, file:line:column and the field (in-process)", (file, expected) => {
    expectRefused(loadLikeCli([`test/fixtures/bad/${file}`], { env }), `test/fixtures/bad/${file}`, expected);
  });

  it.each(manifests.filter(([f]) => SPAWNED.has(f)))("%s: the binary refuses it in plan, validate and apply, with no vendor call", async (file, expected) => {
    emulator.clearCalls();

    const runs = [
      await runCli(["plan", `test/fixtures/bad/${file}`], { env }),
      await runCli(["validate", `test/fixtures/bad/${file}`], { env }),
      await runCli(["apply", "--auto-approve", `test/fixtures/bad/${file}`], { env }),
    ];

    for (const run of runs) expectRefused(run, `test/fixtures/bad/${file}`, expected);
    expect(emulator.calls()).toEqual([]);
  });

  it.each(plans)("plans/%s: apply --plan exits 1 naming the file and field, no vendor call", async (file, expected) => {
    emulator.clearCalls();

    const run = await runCli(["apply", "--plan", `test/fixtures/bad/plans/${file}`], { env });

    expectRefused(run, `test/fixtures/bad/plans/${file}`, expected);
    expect(emulator.calls()).toEqual([]);
  });
});

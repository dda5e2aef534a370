import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { applyRun } from "../../src/engine/apply-run.js";
import { planRun } from "../../src/engine/plan-run.js";
import { UnsafePlanError, UsageError } from "../../src/model/errors.js";
import { manifestDir, ROOT, useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
const SECRET = "demo-secret-not-for-production";

/** The one js block of docs/library.md, importing the built package instead of "orgform". */
function example(): string {
  const doc = readFileSync(join(ROOT, "docs/library.md"), "utf8");
  const block = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/library.md has no js example");
  return block.replace('from "orgform"', `from ${JSON.stringify(join(ROOT, "dist/index.js"))}`);
}

describe("the library", () => {
  it("runs the example of docs/library.md against the emulator: plan, apply, nothing left", async () => {
    const emulator = await emulators.start(readStateFile(join(ROOT, "examples/emulator/quickstart.yaml")));
    const file = join(mkdtempSync(join(tmpdir(), "orgform-example-")), "example.mjs");
    writeFileSync(file, example());

    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", DINGTALK_ENDPOINT: `${emulator.url}/dingtalk`, DINGTALK_APP_SECRET: SECRET },
    });

    expect(stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy");
    expect(stdout).toContain("Apply: 1 done, 0 failed, 0 skipped.");
    expect(stdout).toContain("left to do: 0");
    expect(emulator.calls().filter((c) => c.path.endsWith("/update"))).toHaveLength(1);
  });

  it("gives a library caller no way around a refusal: unsafe plans, forged runs and edited plans", async () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ member_id: `m${i}`, type: 0 }));
    const emulator = await emulators.start({ dingtalk: { apps: [{ appKey: "app", appSecret: SECRET }], users: members.map((m) => m.member_id), punchGroups: [{ punch_group_id: "g1", biz_inst_id: "i1", members }] } });
    const paths = [
      manifestDir({
        "t.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: ${emulator.url}/dingtalk\ncredentials:\n  appKey: app\n  appSecret: \${S}\n`,
        "g.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - punch_group_id: g1\n    biz_inst_id: i1\n    members: [m0]\n`,
      }),
    ];
    const env = { S: SECRET };
    const run = await planRun({ paths, env });

    await expect(applyRun({ run })).rejects.toBeInstanceOf(UnsafePlanError);
    expect(() => ((run.plan.safety as { ok: boolean }).ok = true)).toThrow(TypeError);
    await expect(applyRun({ run: { ...run } })).rejects.toBeInstanceOf(UsageError);
    const edited = { ...structuredClone(run.plan), safety: { ok: true, violations: [] } };
    await expect(applyRun({ savedPlan: edited, paths, env, force: true })).rejects.toMatchObject({
      name: "PlanMismatchError",
      diagnostics: [expect.objectContaining({ path: "safety", message: expect.stringContaining("the file's safety verdict (ok: true") })],
    });
    expect(emulator.calls().filter((c) => c.path.endsWith("/update"))).toEqual([]);

    const forced = await applyRun({ run, force: true });
    expect(forced.verdict).toBe("applied");
  });
});

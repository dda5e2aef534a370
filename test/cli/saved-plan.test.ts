import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Action, Plan, PlanTarget } from "../../src/model/plan.js";
import { emulatorWith, manifestDir, runCli, useEmulator, type TestEmulator } from "../helpers/orgform.js";

const SECRET = "Kx7-saved-plan-secret";
const emulators = useEmulator();
let emulator: TestEmulator;
let env: Record<string, string>;

const seed = (members: string[]) => ({
  dingtalk: {
    apps: [{ appKey: "app", appSecret: SECRET }],
    users: ["a", "b", "c", "d", ...Array.from({ length: 30 }, (_, i) => `m${i}`)],
    punchGroups: [
      { punch_group_id: "g1", biz_inst_id: "i1", members: members.map((m) => ({ member_id: m, type: 0 })) },
      { punch_group_id: "g2", biz_inst_id: "i2", members: [] },
    ],
  },
});

const folder = (members: string[]) =>
  manifestDir({
    "target.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: \${DT_URL}\ncredentials:\n  appKey: app\n  appSecret: \${DT_SECRET}\n`,
    "groups.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - punch_group_id: g1\n    biz_inst_id: i1\n    members: ${JSON.stringify(members)}\n`,
  });

/** The saved plan, its first action and first target, for tests that edit the file as an attacker would. */
type Edit = (plan: Plan, action: Action, target: PlanTarget) => void;

const writes = () => emulator.calls().filter((c) => !c.path.endsWith("/list") && c.path !== "/gettoken");

/** Make a plan with the CLI, let `edit` change the saved JSON, and return the folder. */
async function savedPlan(members: string[], edit: Edit = () => {}): Promise<string> {
  const dir = folder(members);
  const made = await runCli(["plan", dir, "--out", "plan.json"], { env, cwd: dir });
  expect(made.code).toBe(0);
  const file = join(dir, "plan.json");
  const plan = JSON.parse(readFileSync(file, "utf8")) as Plan;
  const [action] = plan.actions;
  const [target] = plan.targets;
  if (!action || !target) throw new Error("the plan has no action to edit");
  edit(plan, action, target);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  emulator.clearCalls();
  return dir;
}

beforeEach(async () => {
  emulator = await emulators.start(seed(["a", "b"]));
  env = { DT_URL: `${emulator.url}/dingtalk`, DT_SECRET: SECRET };
});

describe("apply --plan verifies the saved plan by planning again", () => {
  it("applies a saved plan that a fresh plan matches, and records the selection and version", async () => {
    const dir = await savedPlan(["b", "c", "d"]);
    const saved = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
    expect(saved.selection).toEqual({ targets: [], kinds: [] });
    expect(saved.orgformVersion).toMatch(/^\d+\.\d+\.\d+/);

    const run = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });

    expect(run.code).toBe(0);
    expect(writes().map((c) => c.path)).toEqual(["/topapi/pbp/instance/group/member/update"]);
  });

  const EDITS: [string, Edit, RegExp][] = [
    ["an update that now removes every member", (_p, a) => (a.changes = [{ field: "members", add: [], remove: ["a", "b"] }]), /actions\[0\]\.changes: update att\/dingtalk\.PunchGroup\/g1: changes differ/],
    ["an update turned into a delete", (_p, a) => ((a.op = "delete"), (a.changes = [])), /the file says delete, a fresh plan says update/],
    ["a duplicated action", (p, a) => p.actions.push(structuredClone(a)), /appears more than once in the file/],
    ["an action for another object", (p, a) => p.actions.push({ ...structuredClone(a), id: "att/dingtalk.PunchGroup/g2", key: "g2" }), /update att\/dingtalk\.PunchGroup\/g2 is in the file, but a fresh plan has no action for it/],
    ["a dropped action", (p) => (p.actions = []), /a fresh plan also has update att\/dingtalk\.PunchGroup\/g1, which the file lacks/],
    ["a changed summary", (p) => (p.summary.remove = 0), /summary/],
    ["a changed credential reference", (_p, _a, t) => (t.credentials["appSecret"] = "${OTHER_SECRET}"), /target "att": credentials differs from what the manifests say now/],
    ["a widened scope", (_p, _a, t) => t.scope[0]?.items?.push({ key: "g2", pins: { biz_inst_id: "i2" } }), /target "att": scope differs/],
  ];

  it.each(EDITS)("refuses %s and sends no write", async (_case, edit, expected) => {
    const dir = await savedPlan(["b", "c", "d"], edit);

    const run = await runCli(["apply", "--plan", "plan.json", "--force"], { env: { ...env, OTHER_SECRET: "x".repeat(8) }, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toMatch(/^plan\.json:\d+:\d+ /m);
    expect(run.stderr).toContain("the saved plan differs from the plan the manifests and live state give now");
    expect(writes()).toEqual([]);
  });

  it("never calls an endpoint written into the file: the manifests' endpoint is used, and the edit is refused", async () => {
    const other = await emulatorWith(seed(["a", "b"]));
    try {
      const dir = await savedPlan(["b", "c", "d"], (_p, _a, t) => (t.endpoint = `${other.url}/dingtalk`));

      const run = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });

      expect(run.code).toBe(1);
      expect(run.stderr).toContain('target "att": endpoint differs from what the manifests say now');
      expect(other.calls()).toEqual([]);
      expect(writes()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("computes safety instead of reading it: a verdict flipped to ok is refused, with or without --force", async () => {
    await fetch(`${emulator.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(seed(Array.from({ length: 30 }, (_, i) => `m${i}`))) });
    const dir = await savedPlan(["m0"], (p) => (p.safety = { ok: true, violations: [] }));

    const plain = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });
    const forced = await runCli(["apply", "--plan", "plan.json", "--force"], { env, cwd: dir });

    for (const run of [plain, forced]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/the file's safety verdict \(ok: true, 0 violations\) is not a fresh plan's \(ok: false, \d+ violations\)/);
    }
    expect(writes()).toEqual([]);
  });

  it("refuses an unsafe saved plan without --force even when the file is untouched", async () => {
    await fetch(`${emulator.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(seed(Array.from({ length: 30 }, (_, i) => `m${i}`))) });
    const dir = await savedPlan(["m0"]);

    const run = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the plan is unsafe");
    expect(writes()).toEqual([]);
  });

  it("refuses --target/--kind that differ from the plan's selection, and uses the recorded one by default", async () => {
    const dir = folder(["b", "c", "d"]);
    await runCli(["plan", dir, "--kind", "dingtalk.PunchGroup", "--out", "plan.json"], { env, cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, "plan.json"), "utf8")).selection).toEqual({ targets: [], kinds: ["dingtalk.PunchGroup"] });
    emulator.clearCalls();

    const other = await runCli(["apply", "--plan", "plan.json", "--target", "att"], { env, cwd: dir });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("--target/--kind must select what the plan was made for (--kind dingtalk.PunchGroup), or be left out; asked for --target att");
    expect(writes()).toEqual([]);

    const same = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });
    expect(same.code).toBe(0);
    expect(writes()).toHaveLength(1);
  });

  it("reports a dependency cycle in a plan file in one line", async () => {
    const dir = await savedPlan(["b", "c", "d"], (p, a) => {
      const second = { ...structuredClone(a), id: "att/dingtalk.PunchGroup/g2", key: "g2" };
      a.dependsOn = [second.id];
      second.dependsOn = [a.id];
      p.actions.push(second);
    });

    const run = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^plan\.json:\d+:\d+ actions\[\d\]\.dependsOn: the actions depend on each other in a cycle \(att\/dingtalk\.PunchGroup\/g\d → att\/dingtalk\.PunchGroup\/g\d → att\/dingtalk\.PunchGroup\/g\d\)/m);
    expect(run.stderr).not.toContain("This is a bug");
    expect(emulator.calls()).toEqual([]);
  });
});

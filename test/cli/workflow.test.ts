import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validatorFor } from "../../src/manifest/schemas.js";
import { emulatorWith, manifestDir, runCli, type TestEmulator } from "../helpers/orgform.js";

const SECRET = "Zq8-very-distinctive-secret";

let emulator: TestEmulator;
let dir: string;
let env: Record<string, string>;

function seed(members: string[]) {
  return {
    dingtalk: {
      apps: [{ appKey: "app", appSecret: SECRET }],
      users: ["a", "b", "c", "d", "e", ...Array.from({ length: 30 }, (_, i) => `m${i}`)],
      punchGroups: [{ punch_group_id: "g1", biz_inst_id: "i1", members: members.map((m) => ({ member_id: m, type: 0 })) }],
    },
  };
}

function write(members: string[]) {
  return manifestDir({
    "target.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: \${DT_URL}\ncredentials:\n  appKey: app\n  appSecret: \${DT_SECRET}\n`,
    "groups.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - punch_group_id: g1\n    biz_inst_id: i1\n    members: ${JSON.stringify(members)}\n`,
  });
}

beforeEach(async () => {
  emulator = await emulatorWith(seed(["a", "b"]));
  dir = write(["b", "c", "d"]);
  env = { DT_URL: `${emulator.url}/dingtalk`, DT_SECRET: SECRET };
});
afterEach(() => emulator.close());

const members = () => (emulator.vendor("dingtalk").getState() as { punchGroups: { members: { member_id: string }[] }[] }).punchGroups[0]?.members.map((m) => m.member_id);

describe("orgform plan / apply", () => {
  it("plan --out, then apply --plan applies exactly that plan, then plan shows no changes", async () => {
    const planned = await runCli(["plan", dir, "--out", "plan.json", "--detailed-exitcode"], { env, cwd: dir });
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy; members: +2 −1");
    const file = readFileSync(join(dir, "plan.json"), "utf8");
    expect(validatorFor("plan.schema.json")(JSON.parse(file))).toBe(true);
    expect(file).not.toContain(SECRET);
    expect(JSON.parse(file).targets[0].credentials).toEqual({ appKey: "app", appSecret: "${DT_SECRET}" });

    const applied = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/done\s+update att\/dingtalk\.PunchGroup\/g1\s+1/);
    expect(members()).toEqual(["b", "c", "d"]);

    const again = await runCli(["plan", dir, "--detailed-exitcode"], { env, cwd: dir });
    expect(again).toMatchObject({ code: 0, stdout: "No changes. The live state matches the manifests.\n" });
  });

  it("refuses a stale plan and changes nothing", async () => {
    await runCli(["plan", dir, "--out", "plan.json"], { env, cwd: dir });
    await fetch(`${emulator.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(seed(["a", "e"])) });
    emulator.clearCalls();

    const applied = await runCli(["apply", "--plan", "plan.json"], { env, cwd: dir });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('the plan is stale: live state of target "att" changed');
    expect(emulator.calls().filter((c) => c.path.endsWith("/update"))).toEqual([]);
  });

  it("--format json prints only the plan as JSON", async () => {
    const run = await runCli(["plan", dir, "--format", "json"], { env, cwd: dir });

    const plan = JSON.parse(run.stdout);
    expect(validatorFor("plan.schema.json")(plan)).toBe(true);
    expect(plan.summary).toEqual({ create: 0, update: 1, delete: 0, add: 2, remove: 1 });
  });

  it("apply without a terminal needs --auto-approve", async () => {
    const run = await runCli(["apply", dir], { env, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("apply needs --auto-approve");
    expect(members()).toEqual(["a", "b"]);
  });

  it("--dry-run prints the exact requests with secrets redacted and sends nothing", async () => {
    const run = await runCli(["apply", dir, "--dry-run"], { env, cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`POST ${emulator.url}/dingtalk/topapi/pbp/instance/group/member/update?access_token=(redacted)`);
    expect(run.stdout).toContain('"delete_member_list": [\n      {\n        "member_id": "a",\n        "type": 0\n      }\n    ]');
    expect(run.stdout).toContain("1 request would be sent (dry run: nothing was sent).");
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(emulator.calls().filter((c) => c.path.endsWith("/update"))).toEqual([]);
  });

  it("refuses an unsafe plan unless --force", async () => {
    await fetch(`${emulator.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(seed(Array.from({ length: 30 }, (_, i) => `m${i}`))) });
    const shrink = write(["m0"]);

    const refused = await runCli(["apply", shrink, "--auto-approve"], { env, cwd: shrink });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("29 of 30 existing members of dingtalk.PunchGroup (97%) would be removed");
    expect(members()).toHaveLength(30);

    const forced = await runCli(["apply", shrink, "--auto-approve", "--force"], { env, cwd: shrink });
    expect(forced.code).toBe(0);
    expect(members()).toEqual(["m0"]);
  });

  it("reports a vendor refusal with its code and message and exits 1", async () => {
    const bad = write(["a", "b", "nobody"]);

    const run = await runCli(["apply", bad, "--auto-approve"], { env, cwd: bad });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed\s+update att\/dingtalk\.PunchGroup\/g1\s+0\s+\[60121\] 找不到该用户/);
    expect(run.stdout).toContain("Apply: 0 done, 1 failed, 0 skipped.");
  });

  it("rejects an unknown --target and --kind", async () => {
    const target = await runCli(["plan", dir, "--target", "nope"], { env, cwd: dir });
    const kind = await runCli(["plan", dir, "--kind", "x.Y"], { env, cwd: dir });

    expect(target).toMatchObject({ code: 1, stderr: expect.stringContaining("--target nope: no such target") });
    expect(kind).toMatchObject({ code: 1, stderr: expect.stringContaining("--kind x.Y: no manifest uses this kind") });
  });

  it("fails with exit 1 and the vendor's code when credentials are wrong", async () => {
    const run = await runCli(["plan", dir], { env: { ...env, DT_SECRET: "wrong-secret-123" }, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("dingtalk error 40096: 不合法的appKey或appSecret");
    expect(run.stderr).not.toContain("wrong-secret-123");
  });
});

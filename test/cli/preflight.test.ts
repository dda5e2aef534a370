import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestDir, runCli, useEmulator } from "../helpers/orgform.js";

const SECRET = "Pf4-preflight-secret";
const emulators = useEmulator();

const files = {
  "target.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: \${DT_URL}\ncredentials:\n  appKey: app\n  appSecret: \${DT_SECRET}\n`,
  "groups.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - punch_group_id: g1\n    biz_inst_id: i1\n    members: [a]\n`,
};
const state = { dingtalk: { apps: [{ appKey: "app", appSecret: SECRET }], users: ["a"], punchGroups: [{ punch_group_id: "g1", biz_inst_id: "i1", members: [] }] } };

describe("validate needs no secrets and no network", () => {
  it("passes with every variable unset, names them in a note, and plan still refuses them", async () => {
    const dir = manifestDir(files);

    const validate = await runCli(["validate", dir], { cwd: dir });
    const plan = await runCli(["plan", dir], { cwd: dir });

    expect(validate).toMatchObject({ code: 0, stdout: "Valid: 2 files, 1 target, 1 resource of 1 kind.\n" });
    expect(validate.stderr).toContain("DT_SECRET, DT_URL");
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/target\.yaml:8:14 credentials\.appSecret: environment variable DT_SECRET is not set/);
    expect(plan.stderr).toMatch(/target\.yaml:5:11 endpoint: environment variable DT_URL is not set/);
  });

  it("still reports everything else without the variables: an inline secret, an unknown credential", async () => {
    const dir = manifestDir({
      ...files,
      "target.yaml": files["target.yaml"].replace("appSecret: ${DT_SECRET}", "appSecret: inline-secret-value\n  password: ${not a name}"),
    });

    const run = await runCli(["validate", dir], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("credentials.appSecret: is a secret and must be a ${VAR} reference");
    expect(run.stderr).toContain("credentials.password: is not a credential of driver dingtalk");
  });
});

describe("output paths are checked before anything is read or sent", () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    ["a folder that does not exist", (dir) => join(dir, "missing", "out.json"), /: the folder .*missing does not exist/],
    ["a path naming a folder", (dir) => dir, /: this is a folder; name a file/],
  ];
  if (process.getuid?.() !== 0) {
    cases.push([
      "a folder without write permission",
      (dir) => {
        const locked = join(dir, "locked");
        mkdirSync(locked);
        chmodSync(locked, 0o500);
        return join(locked, "out.json");
      },
      /: cannot be written \(no permission\)/,
    ]);
  }

  it.each(cases)("plan --out and apply --result refuse %s in one line, with no vendor call", async (_case, path, expected) => {
    const emulator = await emulators.start(state);
    const dir = manifestDir(files);
    const env = { DT_URL: `${emulator.url}/dingtalk`, DT_SECRET: SECRET };
    const target = path(dir);

    const plan = await runCli(["plan", dir, "--out", target], { env, cwd: dir });
    const apply = await runCli(["apply", dir, "--auto-approve", "--result", target], { env, cwd: dir });

    expect(plan).toMatchObject({ code: 1, stdout: "" });
    expect(plan.stderr).toMatch(new RegExp(`^Error: --out ${escape(target)}${expected.source}`));
    expect(apply.stderr).toMatch(new RegExp(`^Error: --result ${escape(target)}${expected.source}`));
    for (const run of [plan, apply]) {
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toContain("This is a bug");
    }
    expect(emulator.calls()).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

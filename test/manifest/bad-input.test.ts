import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorWith, manifestDir, runCli, type TestEmulator } from "../helpers/orgform.js";
import { loadLikeCli } from "./in-process.js";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await emulatorWith({
    dingtalk: {
      apps: [{ appKey: "k", appSecret: "s3cret-value" }],
      punchGroups: [{ punch_group_id: "1", biz_inst_id: "1", members: [] }],
    },
  });
});
afterAll(() => emulator.close());

const target = (extra = "", secret = "${DT_SECRET}") => `apiVersion: orgform/v1
kind: Target
name: att
driver: dingtalk
endpoint: \${DT_URL}
credentials:
  appKey: k
  appSecret: ${secret}
${extra}`;

const group = (item: string) => `apiVersion: orgform/v1
kind: dingtalk.PunchGroup
target: att
items:
${item}`;

const good = `  - punch_group_id: "1"
    biz_inst_id: "1"
    members: [u1]`;

/** [case, files, expected "file:line:col ... message" fragment] */
const CASES: [string, Record<string, string>, RegExp][] = [
  ["YAML syntax error", { "t.yaml": target(), "g.yaml": group(`  - punch_group_id: "1\n    biz_inst_id: [`) }, /g\.yaml:\d+:\d+ YAML: /],
  ["wrong type", { "t.yaml": target(), "g.yaml": group(`  - punch_group_id: "1"\n    biz_inst_id: "1"\n    members: [42]`) }, /g\.yaml:7:15 items\[0\]\.members\[0\]: must be string or object/],
  ["wrong enum", { "t.yaml": target(), "g.yaml": group(`  - punch_group_id: "1"\n    biz_inst_id: "1"\n    members: [{member_id: a, type: 7}]`) }, /g\.yaml:7:\d+ items\[0\]\.members\[0\]\.type: must be one of 0, 1/],
  ["unknown field", { "t.yaml": target(), "g.yaml": group(`${good}\n    colour: red`) }, /g\.yaml:8:5 items\[0\]\.colour: is not a known field/],
  ["missing field", { "t.yaml": target(), "g.yaml": group(`  - punch_group_id: "1"`) }, /g\.yaml:5:5 items\[0\]\.biz_inst_id: is required/],
  ["unknown kind", { "t.yaml": target(), "g.yaml": group(good).replace("dingtalk.PunchGroup", "dingtalk.Nope") }, /g\.yaml:2:7 kind: unknown kind "dingtalk\.Nope"/],
  ["unknown target", { "t.yaml": target(), "g.yaml": group(good).replace("target: att", "target: elsewhere") }, /g\.yaml:3:9 target: unknown target "elsewhere"/],
  ["duplicate key", { "t.yaml": target(), "g.yaml": group(`${good}\n${good}`) }, /g\.yaml:8:5 items\[1\]\.punch_group_id: duplicate dingtalk\.PunchGroup "1" in target "att" \(first at g\.yaml:5\)/],
  ["duplicate target", { "t.yaml": `${target()}\n---\n${target()}`, "g.yaml": group(good) }, /t\.yaml:13:7 name: target "att" is defined twice \(first at t\.yaml:1\)/],
  ["unset variable", { "t.yaml": target("", "${NOT_SET_ANYWHERE}"), "g.yaml": group(good) }, /t\.yaml:8:14 credentials\.appSecret: environment variable NOT_SET_ANYWHERE is not set/],
  ["inline secret", { "t.yaml": target("", "written-inline-secret"), "g.yaml": group(good) }, /t\.yaml:8:14 credentials\.appSecret: is a secret and must be a \$\{VAR\} reference/],
  ["unknown credential", { "t.yaml": target().replace("appKey: k", "appKey: k\n  password: ${DT_SECRET}"), "g.yaml": group(good) }, /t\.yaml:8:3 credentials\.password: is not a credential of driver dingtalk/],
  ["unknown driver", { "t.yaml": target().replace("driver: dingtalk", "driver: slack"), "g.yaml": group(good) }, /t\.yaml:4:9 driver: must be one of/],
  ["alias bomb", { "t.yaml": target(), "g.yaml": `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n` }, /g\.yaml:1:1 YAML: too many aliases/],
  ["not a mapping", { "t.yaml": `${target()}\n---\n- just\n- a list\n`, "g.yaml": group(good) }, /t\.yaml:11:1 a manifest document must be a mapping/],
  ["wrong apiVersion", { "t.yaml": target().replace("orgform/v1", "orgform/v2"), "g.yaml": group(good) }, /t\.yaml:1:13 apiVersion: must be "orgform\/v1"/],
];

/** Cases also run through the binary (plan and validate); the rest run in-process. */
const SPAWNED = new Set(["YAML syntax error", "unset variable", "unknown field"]);

describe("bad input", () => {
  it.each(CASES)("%s: names file, line and field, exits 1 (in-process)", (_name, files, expected) => {
    const dir = manifestDir(files);

    const run = loadLikeCli([dir], { cwd: dir, env: { DT_URL: "http://127.0.0.1:1/dingtalk", DT_SECRET: "s3cret-value" } });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toContain("s3cret-value");
  });

  it.each(CASES.filter(([name]) => SPAWNED.has(name)))("%s: the binary names file, line and field, exits 1, calls no vendor", async (name, files, expected) => {
    emulator.clearCalls();
    const dir = manifestDir(files);
    const env = { DT_URL: `${emulator.url}/dingtalk`, DT_SECRET: "s3cret-value" };

    const plan = await runCli(["plan", dir], { env, cwd: dir });
    const validate = await runCli(["validate", dir], { env, cwd: dir });

    // validate needs no secrets: an unset variable is an error only for commands that call a vendor.
    for (const run of name === "unset variable" ? [plan] : [plan, validate]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr).not.toContain("s3cret-value");
    }
    expect(emulator.calls()).toEqual([]);
  });

  it("reports every problem at once, in file and line order", async () => {
    const dir = manifestDir({
      "t.yaml": target("", "inline-secret"),
      "g.yaml": group(`  - punch_group_id: "1"\n    biz_inst_id: 5\n    colour: red`),
    });

    const run = await runCli(["validate", dir], { cwd: dir, env: { DT_URL: "http://127.0.0.1:1" } });

    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/^g\.yaml:6:18 items\[0\]\.biz_inst_id: must be string$/),
      expect.stringMatching(/^g\.yaml:7:5 items\[0\]\.colour: is not a known field$/),
      expect.stringMatching(/^t\.yaml:8:14 credentials\.appSecret: is a secret/),
      "Error: 3 problems in the input.",
    ]);
  });

  it("prints a one-line summary for valid manifests", async () => {
    const dir = manifestDir({ "t.yaml": target(), "g.yaml": group(good) });

    const run = await runCli(["validate", dir], { cwd: dir, env: { DT_URL: "http://127.0.0.1:1", DT_SECRET: "x" } });

    expect(run).toMatchObject({ code: 0, stdout: "Valid: 2 files, 1 target, 1 resource of 1 kind.\n" });
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oneOrgEnv } from "../../src/demo/one-org-env.js";
import { readStateFile } from "../../src/emulator/state.js";
import { readLive } from "../../src/engine/live.js";
import { scopeFor } from "../../src/engine/fetch.js";
import { whoisCount, whoisReport } from "../../src/engine/whois.js";
import { loadManifests } from "../../src/manifest/load.js";
import { applySession, planDir, ROOT, runCli, useEmulator, type TestEmulator } from "../helpers/orgform.js";

/**
 * The org model end to end against all five emulated vendors: the org created everywhere, then
 * a joiner, a mover and a leaver, each one edit of org/people.yaml and one plan across systems,
 * each converging; whois before and after the leaver.
 */
const emulators = useEmulator();


async function start(): Promise<{ emulator: TestEmulator; dir: string; env: Record<string, string> }> {
  const emulator = await emulators.start(readStateFile(`${ROOT}examples/emulator/one-org.yaml`) as Record<string, unknown>);
  const env = oneOrgEnv(emulator.url);
  const dir = mkdtempSync(join(tmpdir(), "orgform-one-org-"));
  cpSync(`${ROOT}examples/one-org`, dir, { recursive: true });
  return { emulator, dir, env };
}

function editPeople(dir: string, edit: (text: string) => string): void {
  const file = join(dir, "org/people.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
}

/** Plan, check what it holds, apply, and check that nothing is left. */
async function step(dir: string, env: Record<string, string>): Promise<{ changes: string[]; people: unknown; notes: string[] | undefined }> {
  const session = await planDir(dir, env);
  expect(session.problems).toEqual([]);
  const changes = session.plan.actions.flatMap((a) => {
    const members = a.changes.flatMap((c) => [...(c.add ?? []).map((m) => `+${c.field}:${m}`), ...(c.remove ?? []).map((m) => `-${c.field}:${m}`)]);
    return [`${a.op} ${a.target}/${a.key}`, ...members.map((m) => `  ${m}`)];
  });
  const results = await applySession(session);
  expect(results.filter((r) => r.status !== "done")).toEqual([]);
  expect((await planDir(dir, env)).plan.actions).toEqual([]);
  return { changes, people: session.plan.people, notes: session.plan.notes };
}

async function whois(dir: string, env: Record<string, string>, handle: string) {
  const manifests = loadManifests([dir], { env });
  const person = manifests.org?.people.get(handle);
  if (!person) throw new Error(`no ${handle}`);
  const state = await readLive(manifests.targets, scopeFor(manifests.scope, manifests.desired));
  return whoisReport(person, manifests.targets, state.live);
}

describe("examples/one-org: one org, five vendors", () => {
  it("creates the org everywhere, then follows a joiner, a mover and a leaver with one edit each", async () => {
    const { dir, env } = await start();
    await step(dir, env);

    editPeople(dir, (t) => `${t}  - handle: zhaoliu\n    name: 赵六\n    department: platform\n    accounts: { attendance: "0412348", forms: zhaoliu, site: p000126, hr: emp-0004, oa: 赵六@zhaoliu@I }\n`);
    const joiner = await step(dir, env);
    expect(joiner.changes).toEqual(["update attendance/7001", "  +members:0412348", "update forms/研发/全员", "  +members:zhaoliu", "create site/p000126"]);
    expect(joiner.people).toMatchObject({ attendance: { "0412348": { handle: "zhaoliu", name: "赵六" } }, forms: { zhaoliu: { handle: "zhaoliu" } } });

    editPeople(dir, (t) => t.replace(/(handle: lisi[\s\S]*?department: )platform/, "$1sales"));
    const mover = await step(dir, env);
    expect(mover.changes).toEqual(["update attendance/7001", "  -members:0412346", "update forms/研发/全员", "  -members:lisi"]);

    const before = await whois(dir, env, "zhangsan");
    expect(whoisCount(before)).toBeGreaterThanOrEqual(8);
    editPeople(dir, (t) => t.replace(/(handle: zhangsan\n)/, "$1    left: true\n"));
    const leaver = await step(dir, env);
    expect(leaver.changes).toEqual([
      "update attendance/7001",
      "  -members:0412345",
      "update forms/研发/全员",
      "  -members:zhangsan",
      "update forms/研发/后端",
      "  -members:zhangsan",
      "update forms/研发/审批人",
      "  -members:zhangsan",
      "update hr/RD",
      "update oa/rd",
      "  -controllerList:张三@zhangsan@I",
      "  -duty.部门领导:张三@zhangsan@I",
      "delete site/p000123",
    ]);
    const after = await whois(dir, env, "zhangsan");
    expect(after.targets.map((t) => [t.target, t.hits.length])).toEqual([
      ["attendance", 0],
      ["forms", 0],
      ["hr", 0],
      ["oa", 0],
      ["site", 0],
    ]);
  });

  it("notes people a department reaches who have no account on a target, and whois exits 1 while a leaver is still present", async () => {
    const { dir, env } = await start();
    await step(dir, env);
    editPeople(dir, (t) => `${t}  - handle: guest\n    name: 访客\n    department: rd\n    accounts: { forms: guest }\n`);

    const session = await planDir(dir, env);
    editPeople(dir, (t) => t.replace(/(handle: wangwu\n)/, "$1    left: true\n"));
    const run = await runCli(["whois", "wangwu", dir], { env });

    expect(session.plan.notes).toEqual([expect.stringMatching(/^target attendance: 1 person reached through a team or department has no account there and is left out: guest$/)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/wangwu \(王五\) — has left/);
    expect(run.stdout).toMatch(/Still present in \d+ places\./);
  });
});

describe("org-model input errors name file, line and field, and call no vendor", () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    ["unknown handle in a selector", (d) => edit(d, "forms.yaml", (t) => t.replace("{ team: backend }", "{ team: bakend }")), /forms\.yaml:\d+:\d+ items\[0\]\.members\[0\]\.team: unknown Team "bakend" \(did you mean "backend"\?\)/],
    ["explicit person without an account", (d) => edit(d, "org/people.yaml", (t) => t.replace("forms: wangwu, ", "")), /forms\.yaml:\d+:\d+ items\[2\]\.members\[1\]\.person: Person "wangwu" has no account on target "forms"/],
    ["department cycle", (d) => edit(d, "org/departments.yaml", (t) => t.replace("{ handle: hq, name: 示例科技,", "{ handle: hq, name: 示例科技, parent: sales,")), /departments\.yaml:\d+:\d+ items\[0\]\.parent: Department "hq" is its own ancestor/],
    ["two people with one account", (d) => edit(d, "org/people.yaml", (t) => t.replace("forms: lisi", "forms: zhangsan")), /people\.yaml:\d+:\d+ items\[1\]\.accounts\.forms: Person "lisi" has account "zhangsan" on target "forms", which Person "zhangsan" already has/],
    ["accounts naming no target", (d) => edit(d, "org/people.yaml", (t) => t.replace("oa: 张三@zhangsan@I", "oa: 张三@zhangsan@I, mail: zs")), /people\.yaml:\d+:\d+ items\[0\]\.accounts\.mail: Person "zhangsan": accounts names target "mail"/],
    ["binding and key disagree", (d) => edit(d, "oa.yaml", (t) => t.replace("  - department: rd\n", "  - department: rd\n    unique: research\n")), /oa\.yaml:\d+:\d+ items\[0\]\.unique: unique "research" disagrees with Department "rd"/],
  ];

  it.each(cases)("%s", async (_name, breakIt, expected) => {
    const emulator = await emulators.start(readStateFile(`${ROOT}examples/emulator/one-org.yaml`) as Record<string, unknown>);
    const dir = mkdtempSync(join(tmpdir(), "orgform-one-org-bad-"));
    cpSync(`${ROOT}examples/one-org`, dir, { recursive: true });
    breakIt(dir);
    const env = oneOrgEnv(emulator.url);

    const run = await runCli(["plan", dir], { env });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(emulator.calls()).toEqual([]);
  });
});

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

describe("an org directory no manifest refers to changes nothing", () => {
  const ORG = "apiVersion: orgform/v1\nkind: Person\nitems:\n  - { handle: someone, name: 某人, accounts: {} }\n---\napiVersion: orgform/v1\nkind: Team\nitems:\n  - { handle: t, members: [someone] }\n---\napiVersion: orgform/v1\nkind: Department\nitems:\n  - { handle: d, head: someone }\n";
  const env = { ...oneOrgEnv("http://127.0.0.1:1"), O2OA_SSO_KEY: "k" };
  const desiredOf = (dir: string) =>
    loadManifests([dir], { env, unsetVariables: "record" }).desired.map((d) => JSON.stringify([d.target, d.kind, d.key, d.fields, d.pins, d.absent, d.previousKeys]));

  it.each(["quickstart", "jiandaoyun", "isdp", "o2oa", "xinrenxinshi"])("examples/%s resolves to the same desired resources with an org beside it", (example) => {
    const dir = mkdtempSync(join(tmpdir(), "orgform-org-beside-"));
    cpSync(`${ROOT}examples/${example}`, dir, { recursive: true });
    const without = desiredOf(dir);
    writeFileSync(join(dir, "org.yaml"), ORG);

    expect(desiredOf(dir)).toEqual(without);
    expect(without.length).toBeGreaterThan(0);
  });
});

import { cpSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { oneOrgEnv } from "../../src/demo/one-org-env.js";
import { readStateFile } from "../../src/emulator/state.js";
import { applyDir, ROOT, runCli, useEmulator } from "../helpers/orgform.js";

/**
 * `orgform import --people` from the built CLI against the one-org tenant of five emulated
 * vendors, after an apply of examples/one-org.
 */
const emulators = useEmulator();


async function appliedOneOrg(): Promise<{ dir: string; env: Record<string, string> }> {
  const emulator = await emulators.start(readStateFile(`${ROOT}examples/emulator/one-org.yaml`) as Record<string, unknown>);
  const env = oneOrgEnv(emulator.url);
  const dir = mkdtempSync(join(tmpdir(), "orgform-import-people-"));
  cpSync(`${ROOT}examples/one-org`, dir, { recursive: true });
  const { results } = await applyDir(dir, env);
  expect(results.filter((r) => r.status !== "done")).toEqual([]);
  return { dir, env };
}

interface PeopleDoc {
  apiVersion: string;
  kind: string;
  items: { handle: string; name?: string; email?: string; mobile?: string; accounts?: Record<string, string> }[];
}

describe("import --people", () => {
  it("writes one Person per ISDP person, suggests the member ids it is not sure of, and the result validates and plans clean", async () => {
    const { dir, env } = await appliedOneOrg();
    const out = mkdtempSync(join(tmpdir(), "orgform-people-out-"));

    const run = await runCli(["import", dir, "--people", "--out", out], { env });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Wrote .*people\.yaml \(3 people; \d+ matches to check/);
    const text = readFileSync(join(out, "people.yaml"), "utf8");
    const doc = parse(text) as PeopleDoc;
    expect(doc).toMatchObject({ apiVersion: "orgform/v1", kind: "Person" });
    // The list call returns no email and masks phones; the emails come from the isdp.Person items the manifests write.
    expect(doc.items).toEqual([
      { handle: "lisi", name: "李四", email: "lisi@example.com", mobile: "13800000002", accounts: { site: "p000124" } },
      { handle: "wangwu", name: "王五", email: "wangwu@example.com", mobile: "13800000003", accounts: { site: "p000125" } },
      { handle: "zhangsan", name: "张三", email: "zhangsan@example.com", mobile: "13800000001", accounts: { site: "p000123" } },
    ]);
    // A Jiandaoyun username equal to a handle is a suggestion, commented in that person's accounts.
    expect(text).toMatch(/# Check: seen only as a member \(jiandaoyun\.Role [^)]*\); the id equals this person's handle\n\s+# forms: zhangsan\n/);
    // DingTalk userids, Xinrenxinshi employee ids and O2OA identities tie to no one: commented Persons.
    expect(text).toMatch(/# Seen in dingtalk\.PunchGroup 7001 members\.\n\s+# - handle: attendance-0412345\n\s+# {3}accounts:\n\s+# {5}attendance: "0412345"\n/);
    expect(text).toMatch(/# Seen in xinrenxinshi\.Department RD adminId\./);
    // An O2OA identity (name@unique@I) whose part is a handle is a suggestion on that person.
    expect(text).toMatch(/# Check: seen only as a member \(o2oa\.Unit rd controllerList; o2oa\.Unit rd dutyList 部门领导\); a part of the id equals this person's handle or name\n\s+# oa: 张三@zhangsan@I\n/);
    expect(text).toMatch(/^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/orgform\/orgform\/main\/schemas\/org\/Person\.schema\.json\n/);

    // The vendor manifests as they are today (no selectors) and the imported people: valid, and no changes.
    copyFileSync(join(dir, "targets.yaml"), join(out, "targets.yaml"));
    for (const target of ["attendance", "forms", "site", "hr", "oa"]) {
      const imported = await runCli(["import", dir, "--target", target, "--out", out], { env });
      expect(imported.code).toBe(0);
    }
    const validated = await runCli(["validate", out], { env });
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(0);
    const planned = await runCli(["plan", out, "--detailed-exitcode"], { env });
    expect(planned).toMatchObject({ code: 0, stdout: "No changes. The live state matches the manifests.\n" });

    // Every suggestion is YAML ready to accept: uncommented, the file still validates.
    const [head, items] = text.split("\nitems:\n") as [string, string];
    const accepted = `${head}\nitems:\n${items.replace(/^(\s*)# (?!Check:|Seen in)/gm, "$1")}`;
    expect(accepted).toMatch(/^ {6}forms: zhangsan$/m);
    expect(accepted).toMatch(/^ {2}- handle: attendance-0412345$/m);
    writeFileSync(join(out, "people.yaml"), accepted);
    const revalidated = await runCli(["validate", out], { env });
    expect(revalidated.stderr).toBe("");
    expect(revalidated.code).toBe(0);
  });

  it("names the written schemas folder in $schema comments when given --schemas, never the installed package", async () => {
    const { dir, env } = await appliedOneOrg();
    const base = mkdtempSync(join(tmpdir(), "orgform-people-schemas-"));
    expect((await runCli(["schema", "--out", join(base, "schemas")])).code).toBe(0);
    const out = join(base, "org");

    expect((await runCli(["import", dir, "--people", "--out", out, "--schemas", join(base, "schemas")], { env })).code).toBe(0);
    expect((await runCli(["import", dir, "--target", "site", "--out", out, "--schemas", join(base, "schemas")], { env })).code).toBe(0);
    expect((await runCli(["import", dir, "--target", "forms", "--out", out], { env })).code).toBe(0);

    expect(readFileSync(join(out, "people.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/org\/Person\.schema\.json\n/);
    expect(readFileSync(join(out, "site.isdp.Person.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/kinds\/isdp\.Person\.schema\.json\n/);
    expect(readFileSync(join(out, "forms.jiandaoyun.Role.yaml"), "utf8")).toMatch(/^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/orgform\/orgform\/main\/schemas\/kinds\/jiandaoyun\.Role\.schema\.json\n/);
  });

  it("asks for --target or --people before reading anything", async () => {
    const run = await runCli(["import", `${ROOT}examples/one-org`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/give --target NAME \(the target to import\), or --people/);
  });

  it("does not overwrite an existing people.yaml", async () => {
    const { dir, env } = await appliedOneOrg();
    const run = await runCli(["import", dir, "--people", "--out", join(dir, "org")], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/people\.yaml exists; import --people does not overwrite it/);
    expect(readFileSync(join(dir, "org/people.yaml"), "utf8")).toBe(readFileSync(`${ROOT}examples/one-org/org/people.yaml`, "utf8"));
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { readStateFile } from "../../src/emulator/state.js";
import { applyDir, emulatorWith, planDir, ROOT, runCli, type TestEmulator } from "../helpers/orgform.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const KEY = "demo-api-key-not-for-production";
const dir = `${ROOT}examples/jiandaoyun`;
const start = async () => {
  emulator = await emulatorWith(readStateFile(`${ROOT}examples/emulator/jiandaoyun.yaml`));
  return { JIANDAOYUN_ENDPOINT: `${emulator.url}/jiandaoyun`, JIANDAOYUN_API_KEY: KEY };
};

describe("examples/jiandaoyun against examples/emulator/jiandaoyun.yaml", () => {
  it("plans the expected changes, applies them, then plans none", async () => {
    const env = await start();

    const { session, results } = await applyDir(dir, env);

    expect(session.plan.actions.map((a) => [a.kind.slice("jiandaoyun.".length), a.op, a.renamedFrom ?? "", a.key])).toEqual([
      // Nothing to wait for: the stray role goes, roles move within live groups, a role under the
      // renamed group gains members (its key follows the group's), the group is renamed.
      ["Role", "delete", "", "临时项目组/项目经理"],
      ["Role", "update", "研发中心/技术评审", "审批/技术评审"],
      ["Role", "update", "", "审批/费用审批"],
      ["Role", "update", "研发中心/后端开发", "研发部门/后端开发"],
      ["RoleGroup", "update", "研发中心", "研发部门"],
      // After the rename (a role created in 研发部门) and after the stray role (its group).
      ["Role", "create", "", "研发部门/前端开发"],
      ["RoleGroup", "delete", "", "临时项目组"],
    ]);
    expect(results.every((r) => r.status === "done")).toBe(true);
    const state = emulator?.vendor("jiandaoyun").getState() as JiandaoyunSection;
    expect(state.roleGroups.map((g) => [g.group_no, g.name])).toEqual([[2559, "研发部门"], [2560, "审批"]]);
    expect(state.roles.map((r) => [r.group_no, r.name, [...r.members].sort()])).toEqual([
      [2559, "后端开发", ["lisi", "wangwu", "zhangsan"]],
      [2560, "技术评审", ["zhangsan"]],
      [2560, "费用审批", ["intern07", "manager01"]],
      [2559, "前端开发", ["zhaoliu"]],
    ]);
    expect((await planDir(dir, env)).plan.actions).toEqual([]);
  });

  it("prints the exact requests on a dry run, the key redacted and new numbers known after apply", async () => {
    const env = await start();

    const run = await runCli(["apply", dir, "--dry-run", "--force"], { env });

    // Nothing on stderr: the example's .orgformignore leaves its demo.env out quietly.
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`POST ${env.JIANDAOYUN_ENDPOINT}/api/v5/corp/role_group/update`);
    expect(run.stdout).toContain('"role_group_no": 2559,\n  "name": "研发部门"');
    expect(run.stdout).toMatch(/role\/add_members\n\{\n {2}"role_no": "\(known after apply\)",\n {2}"usernames": \[\n {4}"zhaoliu"/);
    expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(emulator?.calls("jiandaoyun").filter((c) => !c.path.endsWith("/list"))).toEqual([]);
  });
});

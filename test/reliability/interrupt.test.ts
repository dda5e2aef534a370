import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ResultFile } from "../../src/model/result.js";
import { CLI, emulatorWith, manifestDir, planDir, type TestEmulator } from "../helpers/orgform.js";

const GROUPS = 20;
const ids = Array.from({ length: GROUPS }, (_, i) => `g${String(i).padStart(2, "0")}`);

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe.each(["SIGINT", "SIGTERM"] as const)("%s during apply", (signal) => {
  it("stops starting calls, reports what happened, and leaves exactly the rest for the next plan", async () => {
    emulator = await emulatorWith({
      dingtalk: { apps: [{ appKey: "k", appSecret: "sig-secret-1" }], punchGroups: ids.map((id) => ({ punch_group_id: id, biz_inst_id: id, members: [] })) },
    });
    const dir = manifestDir({
      "t.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: \${URL}\ncredentials: { appKey: k, appSecret: "\${S}" }\nlimits: { requestsPerSecond: 10, concurrency: 2 }\n`,
      "g.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n${ids.map((id) => `  - { punch_group_id: ${id}, biz_inst_id: ${id}, members: [u-${id}] }`).join("\n")}\n`,
    });
    const env = { URL: `${emulator.url}/dingtalk`, S: "sig-secret-1" };
    const updates = () => emulator!.calls().filter((c) => c.path.endsWith("/member/update") && c.code === 0).length;

    const child = spawn(process.execPath, [CLI, "apply", dir, "--auto-approve", "--result", "result.json"], { cwd: dir, env: { PATH: process.env["PATH"] ?? "", ...env } });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
    while (updates() < 5) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    const code = await exited;

    expect(code).toBe(1);
    const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as ResultFile;
    expect(result.outcome).toBe("interrupted");
    expect(result.counts.done).toBe(updates());
    expect(result.counts.done).toBeLessThan(GROUPS);
    expect(result.counts.done + result.counts.skipped).toBe(GROUPS);
    expect(stdout).toContain(`Apply: ${result.counts.done} done, 0 failed, ${result.counts.skipped} skipped.`);
    const left = (await planDir(dir, env)).plan.actions.map((a) => a.id).sort();
    expect(left).toEqual(result.results.filter((r) => r.status !== "done").map((r) => r.id).sort());
  });
});

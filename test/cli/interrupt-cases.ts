import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResultFile } from "../../src/model/result.js";
import { CLI, manifestDir, planDir, useEmulator, type TestEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
const ids = (n: number) => Array.from({ length: n }, (_, i) => `g${String(i).padStart(2, "0")}`);

/** A DingTalk tenant of `n` empty punch groups and manifests that give each one member. */
async function tenant(n: number, limits: string) {
  const emulator = await emulators.start({
    dingtalk: { apps: [{ appKey: "k", appSecret: "sig-secret-1" }], punchGroups: ids(n).map((id) => ({ punch_group_id: id, biz_inst_id: id, members: [] })) },
  });
  const dir = manifestDir({
    "t.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: \${URL}\ncredentials: { appKey: k, appSecret: "\${S}" }\nlimits: ${limits}\n`,
    "g.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n${ids(n).map((id) => `  - { punch_group_id: ${id}, biz_inst_id: ${id}, members: [u-${id}] }`).join("\n")}\n`,
  });
  return { emulator, dir, env: { URL: `${emulator.url}/dingtalk`, S: "sig-secret-1" } };
}

/** Run the built CLI (signals are the subject, so it is a process of its own); `exited` resolves with the exit code and everything it printed. */
function run(args: string[], dir: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { PATH: process.env["PATH"] ?? "", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited, stderr: () => stderr };
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 10));
};
const writes = (e: TestEmulator, code?: number | string) => e.calls().filter((c) => c.path.endsWith("/member/update") && (code === undefined || c.code === code));
const reads = (e: TestEmulator) => e.calls().filter((c) => c.path.endsWith("/member/list") && c.code === 0).length;
/** From now on every vendor call gets no answer. */
const hang = (e: TestEmulator) => fetch(`${e.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: ["timeout"] }) });
const resultOf = (dir: string) => JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as ResultFile;

/**
 * The interruption cases for one signal. Each signal has its own test file, so the two sets
 * (mostly waiting on the emulator's rate limits) run side by side.
 */
export function interruptCases(signal: "SIGINT" | "SIGTERM"): void {
  describe(`${signal} during apply`, () => {
    it("stops starting calls, reports what happened, and leaves exactly the rest for the next plan", async () => {
      const { emulator, dir, env } = await tenant(20, "{ requestsPerSecond: 10, concurrency: 2 }");
      const apply = run(["apply", dir, "--auto-approve", "--result", "result.json"], dir, env);
      await until(() => writes(emulator, 0).length >= 5);
      apply.child.kill(signal);
      const { code, stdout } = await apply.exited;

      expect(code).toBe(1);
      const result = resultOf(dir);
      expect(result.outcome).toBe("interrupted");
      expect(result.counts.done).toBe(writes(emulator, 0).length);
      expect(result.counts.done).toBeLessThan(20);
      expect(result.counts.done + result.counts.skipped).toBe(20);
      expect(stdout).toContain(`Apply: ${result.counts.done} done, 0 failed, ${result.counts.skipped} skipped.`);
      const left = (await planDir(dir, env)).plan.actions.map((a) => a.id).sort();
      expect(left).toEqual(result.results.filter((r) => r.status !== "done").map((r) => r.id).sort());
    });

    it("reports actions still waiting for a rate-limit slot as skipped, never unknown, and sends none of them", async () => {
      const { emulator, dir, env } = await tenant(16, "{ requestsPerSecond: 4, concurrency: 8 }");
      const apply = run(["apply", dir, "--auto-approve", "--result", "result.json"], dir, { ...env, ORGFORM_SHUTDOWN_GRACE_MS: "20000" });
      await until(() => writes(emulator, 0).length >= 2);
      apply.child.kill(signal);
      const { code, stderr } = await apply.exited;
      const sentBeforeExit = writes(emulator).length;

      expect(code).toBe(1);
      expect(stderr).toContain(`${signal}: no new calls will start; waiting up to 20 s for calls already sent`);
      expect(stderr).not.toContain("stopping now");
      const result = resultOf(dir);
      expect(result.counts.unknown).toBe(0);
      expect(result.counts.failed).toBe(0);
      expect(result.counts.done).toBe(sentBeforeExit);
      expect(result.counts.skipped).toBe(16 - sentBeforeExit);
      for (const r of result.results.filter((x) => x.status === "skipped")) expect(r.message).toMatch(/not attempted/);
      await new Promise((r) => setTimeout(r, 600));
      expect(writes(emulator)).toHaveLength(sentBeforeExit);
    });

    it("a second signal stops waiting at once: calls in flight are unknown, the table is printed", async () => {
      const { emulator, dir, env } = await tenant(12, "{ requestsPerSecond: 50, concurrency: 3 }");
      const apply = run(["apply", dir, "--auto-approve", "--result", "result.json"], dir, { ...env, ORGFORM_SHUTDOWN_GRACE_MS: "600000", ORGFORM_HTTP_TIMEOUT_MS: "600000" });
      await until(() => reads(emulator) >= 12);
      await hang(emulator);
      await until(() => writes(emulator).length >= 3);
      apply.child.kill(signal);
      await until(() => apply.stderr().includes("no new calls will start"));
      apply.child.kill("SIGINT");
      const { code, stdout, stderr } = await apply.exited;

      expect(code).toBe(1);
      expect(stderr).toContain("SIGINT: stopping now; calls still in flight are reported unknown.");
      const result = resultOf(dir);
      expect(result.outcome).toBe("interrupted");
      const hung = writes(emulator, "fault:timeout").length;
      expect(hung).toBeGreaterThan(0);
      expect(result.counts).toEqual({ done: writes(emulator, 0).length, failed: 0, unknown: hung, skipped: 12 - writes(emulator).length });
      expect(stdout).toContain(`${hung} unknown`);
    }, 20_000);

    it("after the grace period, calls still in flight are unknown and the rest skipped", async () => {
      const { emulator, dir, env } = await tenant(12, "{ requestsPerSecond: 50, concurrency: 2 }");
      const apply = run(["apply", dir, "--auto-approve", "--result", "result.json"], dir, { ...env, ORGFORM_SHUTDOWN_GRACE_MS: "300", ORGFORM_HTTP_TIMEOUT_MS: "600000" });
      await until(() => reads(emulator) >= 12);
      await hang(emulator);
      await until(() => writes(emulator).length >= 2);
      apply.child.kill(signal);
      const { code } = await apply.exited;

      expect(code).toBe(1);
      const result = resultOf(dir);
      const hung = writes(emulator, "fault:timeout").length;
      expect(hung).toBeGreaterThan(0);
      expect(result.counts).toEqual({ done: writes(emulator, 0).length, failed: 0, unknown: hung, skipped: 12 - writes(emulator).length });
    }, 20_000);
  });

  describe.each(["plan", "apply"] as const)(`%s interrupted by ${signal} while reading live state`, (command) => {
    it("exits 1 with one line and changes nothing", async () => {
      const { emulator, dir, env } = await tenant(3, "{ requestsPerSecond: 50, concurrency: 2 }");
      await hang(emulator);
      const args = command === "apply" ? ["apply", dir, "--auto-approve"] : ["plan", dir];
      const cli = run(args, dir, { ...env, ORGFORM_HTTP_TIMEOUT_MS: "600000" });
      await until(() => emulator.calls().length > 0);
      cli.child.kill(signal);
      const { code, signal: killedBy, stderr, stdout } = await cli.exited;

      expect(killedBy).toBeNull();
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`${signal}: stopped before any change was made.`);
      expect(stdout).toBe("");
      expect(writes(emulator)).toHaveLength(0);
    });
  });
}

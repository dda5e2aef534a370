import { spawn } from "node:child_process";
import { afterEach } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RetryPolicy } from "../../src/http/retry.js";
import { seededRandom } from "../../src/emulator/faults.js";
import type { LoggedRequest } from "../../src/emulator/request-log.js";
import { startEmulator, type RunningEmulator } from "../../src/emulator/server.js";
import type { ExecuteOptions } from "../../src/apply/executor.js";
import { applyRun } from "../../src/engine/apply-run.js";
import { planRun, type PlanRun } from "../../src/engine/plan-run.js";
import type { Selection } from "../../src/engine/scope.js";
import { loadManifests } from "../../src/manifest/load.js";
import type { ActionResult } from "../../src/model/result.js";
import { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/program.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = join(ROOT, "dist/cli/main.js");

/** Retries that keep their shape but not their seconds, so fault tests stay fast. */
export const FAST_RETRY: RetryPolicy = { attempts: 6, baseMs: 2, maxMs: 20, rateLimitedMs: 5, random: seededRandom(7) };

export interface TestEmulator extends RunningEmulator {
  /** Vendor calls logged so far (optionally of one vendor). */
  calls(vendor?: string): LoggedRequest[];
  clearCalls(): void;
}

export async function emulatorWith(state: Record<string, unknown>): Promise<TestEmulator> {
  const emulator = await startEmulator({ state });
  return Object.assign(emulator, {
    calls: (vendor?: string) => emulator.requests.all().filter((r) => vendor === undefined || r.vendor === vendor),
    clearCalls: () => emulator.requests.clear(),
  });
}

/**
 * The emulator lifecycle for one test file: `start(state)` starts an emulator for the current
 * test, and it is closed after that test. Use instead of a hand-written afterEach.
 */
export function useEmulator(): { start(state: Record<string, unknown>): Promise<TestEmulator>; current(): TestEmulator } {
  let running: TestEmulator | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    async start(state) {
      await running?.close();
      running = await emulatorWith(state);
      return running;
    },
    current() {
      if (!running) throw new Error("no emulator started in this test");
      return running;
    },
  };
}

/** A fresh folder holding the given files (paths relative to it). */
export function manifestDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "orgform-test-"));
  for (const [name, text] of Object.entries(files)) {
    const full = join(dir, name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** A plan made in-process by the engine, with the state it was made from. */
export type PlanSession = PlanRun;

/** What `orgform plan` computes, in-process, over real HTTP. */
export async function planDir(dir: string, env: Record<string, string>, selection: Selection = {}, retry = FAST_RETRY): Promise<PlanSession> {
  const manifests = loadManifests([dir], { env });
  return planRun({ manifests, selection, connect: { retry } });
}

/** Apply a plan made in-process, as `orgform apply --auto-approve --force` would (problems still refuse it). */
export async function applySession(session: PlanSession, execution: ExecuteOptions = {}): Promise<ActionResult[]> {
  return (await applyRun({ run: session, force: true, execution })).results;
}

/** Plan, then apply every action (as `orgform apply --auto-approve --force` would). */
export async function applyDir(dir: string, env: Record<string, string>, retry = FAST_RETRY): Promise<{ session: PlanSession; results: ActionResult[] }> {
  const session = await planDir(dir, env, {}, retry);
  if (session.problems.length) throw new Error(session.problems.map((p) => p.message).join("\n"));
  return { session, results: await applySession(session) };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a CLI run sees: only PATH, fast retries, and what the test gives. */
function cliEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "", ORGFORM_RETRY_BASE_MS: "2", ...env };
}

/**
 * Run the CLI's `main` in this process, with its own environment, no terminal and the output
 * captured: what the binary does minus starting Node. A run that reads stdin (`input`) is
 * spawned instead. Tests whose subject is the process itself (signals, proxies taken from
 * the process environment, the installed binary) use `runCliProcess`. The run changes this
 * process's working folder to `cwd` while it lasts: runs side by side must share one `cwd`.
 */
export async function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): Promise<CliRun> {
  if (options.input !== undefined) return runCliProcess(args, options);
  let stdout = "";
  let stderr = "";
  const io = new Io({
    env: cliEnv(options.env),
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
    stdoutIsTty: false,
    stderrIsTty: false,
    stdinIsTty: false,
  });
  const before = process.cwd();
  const cwd = options.cwd ?? ROOT;
  process.chdir(cwd);
  try {
    return { code: await main(args, io), stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/** Run the built CLI in a child process, as a user would. */
export function runCliProcess(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

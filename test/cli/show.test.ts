import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { CLI, manifestDir, runCli, useEmulator } from "../helpers/orgform.js";

const emulator = useEmulator();

/** Run a command on a terminal (util-linux `script`), so colour decisions see a TTY. */
function onTerminal(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return runScript(quoted, env);
}

function runScript(command: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { PATH: process.env["PATH"] ?? "", ...env } });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stdin.end();
    child.on("close", (code) => resolve({ code: code ?? 1, stdout }));
  });
}

describe("orgform show", () => {
  it("renders a saved plan as text, markdown and JSON, the same as plan printed it, without calling a vendor", async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const env = exampleEnv("dingtalk", em.url);
    const dir = manifestDir({});
    const file = join(dir, "plan.json");
    const planned = await runCli(["plan", exampleOf("dingtalk").dir, "--out", file], { env });
    const markdown = await runCli(["plan", exampleOf("dingtalk").dir, "--format", "markdown"], { env });
    em.clearCalls();

    const text = await runCli(["show", file]);
    const md = await runCli(["show", file, "--format", "markdown"]);
    const json = await runCli(["show", file, "--format", "json"]);

    expect(em.calls()).toEqual([]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(planned.stdout);
    expect(md.stdout.replace(/plan\.json/g, "")).toBe(markdown.stdout.replace(/plan\.json/g, ""));
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  it("--summary gives counts per target and kind, for plan and show alike", async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const env = exampleEnv("dingtalk", em.url);
    const file = join(manifestDir({}), "plan.json");
    const planned = await runCli(["plan", exampleOf("dingtalk").dir, "--summary", "--out", file], { env });
    const shown = await runCli(["show", file, "--summary"]);
    const json = await runCli(["show", file, "--summary", "--format", "json"]);

    expect(planned.stdout).toBe(shown.stdout);
    expect(shown.stdout).toMatch(/^TARGET +KIND +CREATE +UPDATE +DELETE +MEMBERS\+ +MEMBERS- +SAFETY\nattendance +dingtalk\.PunchGroup +0 +1 +0 +2 +1 +ok\n/);
    expect(JSON.parse(json.stdout).groups).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, "utf8")).actions).toHaveLength(1); // the file keeps every change
  });

  it("a file that is not a plan gets a one-line reason and exit 1", async () => {
    const dir = manifestDir({ "bad.json": "{ not json" });
    const run = await runCli(["show", join(dir, "bad.json")]);
    const missing = await runCli(["show", join(dir, "absent.json")]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bad.json:1:");
    expect(missing.code).toBe(1);
    expect(`${run.stderr}${missing.stderr}`).not.toContain("This is a bug");
  });
});

describe("colour", () => {
  const planFile = async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const file = join(manifestDir({}), "plan.json");
    await runCli(["plan", exampleOf("dingtalk").dir, "--out", file], { env: exampleEnv("dingtalk", em.url) });
    return file;
  };
  const ESC = "\u001b[";

  it("on a terminal: colour by default and with an empty NO_COLOR; none with NO_COLOR=1 or TERM=dumb", async () => {
    const file = await planFile();
    expect((await onTerminal(["show", file], { TERM: "xterm" })).stdout).toContain(ESC);
    expect((await onTerminal(["show", file], { TERM: "xterm", NO_COLOR: "" })).stdout).toContain(ESC);
    expect((await onTerminal(["show", file], { TERM: "xterm", NO_COLOR: "1" })).stdout).not.toContain(ESC);
    expect((await onTerminal(["show", file], { TERM: "dumb" })).stdout).not.toContain(ESC);
  });

  it("piped: none by default; FORCE_COLOR turns it on, FORCE_COLOR=0 keeps it off", async () => {
    const file = await planFile();
    expect((await runCli(["show", file])).stdout).not.toContain(ESC);
    expect((await runCli(["show", file], { env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
    expect((await runCli(["show", file], { env: { FORCE_COLOR: "0" } })).stdout).not.toContain(ESC);
    expect((await onTerminal(["show", file], { TERM: "xterm", FORCE_COLOR: "0" })).stdout).not.toContain(ESC);
  });
});

import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { emulatorWith, ROOT, type TestEmulator } from "../helpers/orgform.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
let user = "";
let tarball = "";
let files: string[] = [];
let emulator: TestEmulator;

/** Run a command in the user's folder, as a user of the installed package would. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: user, env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.end();
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  const packDir = mkdtempSync(join(tmpdir(), "orgform-pack-"));
  const packed = JSON.parse(execFileSync(NPM, ["pack", "--json", "--pack-destination", packDir], { cwd: ROOT, encoding: "utf8" })) as { filename: string; files: { path: string }[] }[];
  tarball = join(packDir, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);
  user = mkdtempSync(join(tmpdir(), "orgform-user-"));
  writeFileSync(join(user, "package.json"), JSON.stringify({ name: "org-repo", private: true, type: "module" }));
  execFileSync(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", tarball], { cwd: user, stdio: "pipe" });
  cpSync(exampleOf("dingtalk").dir, join(user, "org"), { recursive: true });
  emulator = await emulatorWith(readStateFile(exampleOf("dingtalk").state));
}, 120_000);

afterAll(async () => {
  await emulator?.close();
});

describe("the published package", () => {
  it("ships the CLI, the library, the schemas, LICENSE and CHANGELOG; no source maps and no demo", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "LICENSE", "README.md", "CHANGELOG.md", "dist/cli/main.js", "dist/index.js", "dist/index.d.ts", "schemas/target.schema.json"]));
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("dist/demo"))).toEqual([]);
  });

  it("installed into an empty folder: npx orgform --version prints the version of package.json", async () => {
    const version = await run("npx", ["--no-install", "orgform", "--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
  });

  it("installed: validate and plan work against the emulator from the user's folder", async () => {
    const env = exampleEnv("dingtalk", emulator.url);
    const validated = await run("npx", ["--no-install", "orgform", "validate", "org/"], env);
    const planned = await run("npx", ["--no-install", "orgform", "plan", "org/", "--detailed-exitcode"], env);

    expect(validated.code).toBe(0);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain("members: +2 −1");
  });

  it("installed: the library resolves through the exports map, and deep imports are closed", async () => {
    const lib = await run("node", ["--input-type=module", "-e", "const m = await import('orgform'); console.log(typeof m.renderText)"]);
    const deep = await run("node", ["--input-type=module", "-e", "await import('orgform/dist/cli/io.js')"]);
    const pkg = await run("node", ["--input-type=module", "-e", "import { createRequire } from 'node:module'; console.log(createRequire(import.meta.url)('orgform/package.json').name)"]);

    expect(lib.stdout.trim()).toBe("function");
    expect(deep.code).not.toBe(0);
    expect(deep.stderr).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
    expect(pkg.stdout.trim()).toBe("orgform");
  });
});

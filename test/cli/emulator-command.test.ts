import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { CLI, ROOT } from "../helpers/orgform.js";

describe("orgform emulator", () => {
  it("prints its base URL when ready, the examples' endpoint variables, and serves the seeded state", async () => {
    const child = spawn(process.execPath, [CLI, "emulator", "--state", "examples/emulator/quickstart.yaml"], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          const m = /listening on (http:\/\/\S+)/.exec(d.toString());
          if (m?.[1]) resolve(m[1]);
        });
        child.on("exit", () => reject(new Error("emulator exited")));
      });

      const state = (await (await fetch(`${url}/_emulator/state`)).json()) as { dingtalk: { punchGroups: unknown[] } };

      expect(state.dingtalk.punchGroups).toHaveLength(1);
      // Each printed endpoint answers as its vendor (an unknown prefix is a 404 of the emulator's own).
      const exports = [...stderr.matchAll(/export ([A-Z0-9]+)_ENDPOINT=(\S+)/g)];
      expect(exports.map((m) => m[1])).toEqual(["DINGTALK", "ISDP", "JIANDAOYUN", "O2OA", "XINRENXINSHI"]);
      for (const m of exports) {
        const answer = await fetch(`${m[2]}/`);
        expect(await answer.text()).not.toContain("no vendor at");
      }
    } finally {
      child.kill("SIGINT");
    }
  });

  it("refuses an invalid state file with the path of the problem", async () => {
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, "emulator", "--state", "test/fixtures/emulator/invalid-state.yaml"], { cwd: ROOT });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("dingtalk.apps[0]: must have required property 'appSecret'");
  });

  const run = (args: string[]) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, "emulator", ...args], { cwd: ROOT });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
    });

  it("refuses a port in use with one line, not a crash", async () => {
    const holder = createServer();
    const port = await new Promise<number>((resolve) => holder.listen(0, "127.0.0.1", () => resolve((holder.address() as { port: number }).port)));
    try {
      const result = await run(["--port", String(port)]);

      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`Error: port ${port} on 127.0.0.1 is already in use: stop what holds it or choose another with --port (0 picks a free port).\n`);
    } finally {
      holder.close();
    }
  });

  it.each(["abc", "-1", "65536", "80.5", ""])("refuses --port %j with one line", async (port) => {
    const result = await run(["--port", port]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: --port ".*": not a port number \(0 to 65535; 0 picks a free port\)\.\n$/);
  });
});

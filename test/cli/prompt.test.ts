import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, ROOT, manifestDir, useEmulator } from "../helpers/orgform.js";

const emulators = useEmulator();
const PTY = join(ROOT, "test/helpers/terminal.py");

/** `orgform apply` on a terminal (a pty), typing `keys` at the confirmation prompt. */
async function applyAtPrompt(keys: string): Promise<{ exit: number; screen: string; writes: number }> {
  const emulator = await emulators.start({ dingtalk: { apps: [{ appKey: "k", appSecret: "pty-secret-1" }], punchGroups: [{ punch_group_id: "g1", biz_inst_id: "g1", members: [] }] } });
  const dir = manifestDir({
    "t.yaml": `apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: \${URL}\ncredentials: { appKey: k, appSecret: "\${S}" }\n`,
    "g.yaml": `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - { punch_group_id: g1, biz_inst_id: g1, members: [u1] }\n`,
  });
  const env = { PATH: process.env["PATH"] ?? "", URL: `${emulator.url}/dingtalk`, S: "pty-secret-1", NO_COLOR: "1" };
  const out = await new Promise<string>((resolve) => {
    const child = spawn("python3", [PTY, "Only 'yes'", JSON.stringify(keys), process.execPath, CLI, "apply", dir], { env });
    let text = "";
    child.stdout.on("data", (d: Buffer) => (text += d.toString()));
    child.on("close", () => resolve(text));
  });
  const exit = Number(/EXIT=(-?\d+)\s*$/.exec(out)?.[1]);
  const writes = emulator.calls().filter((c) => c.path.endsWith("/member/update")).length;
  return { exit, screen: out, writes };
}

describe("the confirmation prompt on a terminal", () => {
  it("Ctrl-C cancels with exit 130 and sends nothing", async () => {
    const run = await applyAtPrompt("\x03");

    expect(run.exit).toBe(130);
    expect(run.screen).toContain("Apply cancelled.");
    expect(run.screen).not.toMatch(/bug|AbortError|at .*\.js/);
    expect(run.writes).toBe(0);
  });

  it("Ctrl-D cancels with exit 1 and sends nothing", async () => {
    const run = await applyAtPrompt("\x04");

    expect(run.exit).toBe(1);
    expect(run.screen).toContain("Apply cancelled.");
    expect(run.screen).not.toMatch(/bug|AbortError/);
    expect(run.writes).toBe(0);
  });

  it("an answer other than yes cancels with exit 1", async () => {
    const run = await applyAtPrompt("y\r");

    expect(run.exit).toBe(1);
    expect(run.screen).toContain("Apply cancelled.");
    expect(run.writes).toBe(0);
  });

  it("yes applies", async () => {
    const run = await applyAtPrompt("yes\r");

    expect(run.exit).toBe(0);
    expect(run.writes).toBe(1);
  });
});

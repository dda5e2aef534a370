import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

/** Run one orgform command in a child process (this one keeps the emulator serving), showing it first. */
export function step(title: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<number> {
  process.stdout.write(`\n$ orgform ${args.join(" ")}    # ${title}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: "inherit" });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/** Run steps in order, stopping at the first whose exit code is not one it allows. */
export async function runSteps(steps: [string, string[], number[], (() => void)?][], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<number> {
  for (const [title, args, okCodes, before] of steps) {
    before?.();
    const code = await step(title, args, env, cwd);
    if (!okCodes.includes(code)) return code;
  }
  return 0;
}

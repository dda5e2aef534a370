import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../emulator/server.js";
import { readStateFile } from "../emulator/state.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = fileURLToPath(new URL("../cli/main.js", import.meta.url));

/** doctor → plan → apply → plan against the built-in emulator, with no credentials of your own. */
async function demo(): Promise<number> {
  const emulator = await startEmulator({ state: readStateFile(`${root}examples/emulator/quickstart.yaml`) });
  const env = { ...process.env, DINGTALK_ENDPOINT: `${emulator.url}/dingtalk`, DINGTALK_APP_SECRET: "demo-secret-not-for-production" };
  // The CLI runs in a child process while this one keeps the emulator serving.
  const step = (title: string, args: string[]): Promise<number> => {
    process.stdout.write(`\n$ orgform ${args.join(" ")}    # ${title}\n`);
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: "inherit" });
      child.on("close", (code) => resolve(code ?? 1));
    });
  };
  try {
    process.stdout.write(`Emulator running at ${emulator.url} (DingTalk at ${emulator.url}/dingtalk).\n`);
    const steps: [string, string[], number[]][] = [
      // Doctor's findings are shown, not required: the demo goes on to plan either way.
      ["check the tenant before the first write", ["doctor", "examples/quickstart"], [0, 1]],
      ["what would change", ["plan", "examples/quickstart"], [0]],
      ["make it so", ["apply", "examples/quickstart", "--auto-approve"], [0]],
      ["nothing left to do", ["plan", "examples/quickstart", "--detailed-exitcode"], [0]],
    ];
    for (const [title, args, okCodes] of steps) {
      const code = await step(title, args);
      if (!okCodes.includes(code)) return code;
    }
    return 0;
  } finally {
    await emulator.close();
  }
}

demo().then((code) => {
  process.exitCode = code;
});

import { startEmulator } from "../emulator/server.js";
import { readStateFile } from "../emulator/state.js";
import { ROOT, runSteps } from "./steps.js";

/** doctor → plan → apply → plan against the built-in emulator, with no credentials of your own. */
async function demo(): Promise<number> {
  const emulator = await startEmulator({ state: readStateFile(`${ROOT}examples/emulator/quickstart.yaml`) });
  const env = { ...process.env, DINGTALK_ENDPOINT: `${emulator.url}/dingtalk`, DINGTALK_APP_SECRET: "demo-secret-not-for-production" };
  try {
    process.stdout.write(`Emulator running at ${emulator.url} (DingTalk at ${emulator.url}/dingtalk).\n`);
    return await runSteps(
      [
        // Doctor's findings are shown, not required: the demo goes on to plan either way.
        ["check the tenant before the first write", ["doctor", "examples/quickstart"], [0, 1]],
        ["what would change", ["plan", "examples/quickstart"], [0]],
        ["make it so", ["apply", "examples/quickstart", "--auto-approve"], [0]],
        ["nothing left to do", ["plan", "examples/quickstart", "--detailed-exitcode"], [0]],
      ],
      env,
    );
  } finally {
    await emulator.close();
  }
}

demo().then((code) => {
  process.exitCode = code;
});

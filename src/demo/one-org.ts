import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../emulator/server.js";
import { readStateFile } from "../emulator/state.js";
import { oneOrgEnv } from "./one-org-env.js";
import { ROOT, runSteps } from "./steps.js";


/** A joiner, a mover and a leaver in examples/one-org, each one edit of org/people.yaml. */
export const EDITS = {
  joiner: (text: string) =>
    `${text}  - handle: zhaoliu\n    name: 赵六\n    department: platform\n    accounts: { attendance: "0412348", forms: zhaoliu, site: p000126, hr: emp-0004, oa: 赵六@zhaoliu@I }\n`,
  mover: (text: string) => text.replace(/(handle: lisi[\s\S]*?department: )platform/, "$1sales"),
  leaver: (text: string) => text.replace(/(handle: zhangsan\n)/, "$1    left: true\n"),
};

/**
 * The org model against all five emulated vendors: create the org everywhere, then a joiner,
 * a mover and a leaver, each one edit and one plan across systems; whois checks the leaver.
 */
async function demo(): Promise<number> {
  const emulator = await startEmulator({ state: readStateFile(`${ROOT}examples/emulator/one-org.yaml`) });
  const env = { ...process.env, ...oneOrgEnv(emulator.url) };
  const dir = mkdtempSync(join(tmpdir(), "orgform-one-org-"));
  cpSync(`${ROOT}examples/one-org`, dir, { recursive: true });
  const people = join(dir, "org/people.yaml");
  const edit = (name: keyof typeof EDITS) => () => {
    writeFileSync(people, EDITS[name](readFileSync(people, "utf8")));
    process.stdout.write(`\n# ${name}: one edit of org/people.yaml\n`);
  };
  try {
    process.stdout.write(`Emulator running at ${emulator.url} with DingTalk, Jiandaoyun, ISDP, Xinrenxinshi and O2OA. Manifests copied to ${dir}.\n`);
    return await runSteps(
      [
        ["the org, in five systems", ["apply", ".", "--auto-approve"], [0]],
        ["nothing left to do", ["plan", ".", "--detailed-exitcode"], [0]],
        ["a joiner: punch group, roles and ISDP follow", ["plan", "."], [0], edit("joiner")],
        ["make it so", ["apply", ".", "--auto-approve"], [0]],
        ["a mover: out of R&D's lists", ["plan", "."], [0], edit("mover")],
        ["make it so", ["apply", ".", "--auto-approve"], [0]],
        ["a leaver: removed everywhere", ["plan", "."], [0], edit("leaver")],
        ["make it so", ["apply", ".", "--auto-approve", "--force"], [0]],
        ["where is zhangsan now?", ["whois", "zhangsan", "."], [0]],
      ],
      env,
      dir,
    );
  } finally {
    await emulator.close();
  }
}

demo().then((code) => {
  process.exitCode = code;
});

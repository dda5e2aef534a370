import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manifestDir, ROOT, runCli } from "../helpers/orgform.js";

/** What bash's completion offers for a command line whose last word is being typed. */
function offers(script: string, words: string[]): string[] {
  const file = join(manifestDir({}), "orgform.bash");
  writeFileSync(file, script);
  const quoted = words.map((w) => `'${w}'`).join(" ");
  const run = spawnSync("bash", ["-c", `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _orgform; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.split("\n").filter(Boolean).sort();
}

describe("orgform completion", async () => {
  const bash = (await runCli(["completion", "bash"])).stdout;

  it.each([
    [["orgform", "pl"], ["plan"]],
    [["orgform", ""], ["--help", "--log-level", "--version", "apply", "completion", "doctor", "emulator", "import", "plan", "schema", "show", "validate", "whois"]],
    [["orgform", "plan", "--f"], ["--format"]],
    [["orgform", "plan", "--format", ""], ["json", "markdown", "text"]],
    [["orgform", "validate", "--format", ""], ["github", "gitlab", "json", "text"]],
    [["orgform", "doctor", "--format", "t"], ["text"]],
    [["orgform", "apply", "--d"], ["--dry-run"]],
    [["orgform", "apply", "--plan", "examp"], ["examples"]],
    [["orgform", "plan", "--target", ""], []],
    [["orgform", "plan", "examp"], ["examples"]],
    [["orgform", "completion", ""], ["bash", "zsh"]],
    [["orgform", "--log-level", "debug", "va"], ["validate"]],
    [["orgform", "show", "--log-level", "t"], ["trace"]],
  ])("bash: %j offers %j", (words, expected) => {
    expect(offers(bash, words)).toEqual(expected);
  });

  it("knows every command and every option of every command (it is made from them)", async () => {
    const help = (await runCli(["--help"])).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== "help");
    expect(commands.length).toBeGreaterThan(8);
    for (const command of commands) {
      const own = (await runCli([command as string, "--help"])).stdout;
      const flags = [...own.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]);
      expect(offers(bash, ["orgform", command as string, "--"]), command).toEqual(expect.arrayContaining(flags));
    }
  });

  it("zsh: the same function through zsh's bash-compatible completion", async () => {
    const zsh = (await runCli(["completion", "zsh"])).stdout;

    expect(zsh).toContain("bashcompinit");
    expect(zsh).toContain(bash.split("\n").slice(1).join("\n"));
  });
});

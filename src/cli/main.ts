#!/usr/bin/env node
import { Command, CommanderError, Option } from "commander";
import { applyCommand } from "./commands/apply.js";
import { emulatorCommand } from "./commands/emulator.js";
import { importCommand } from "./commands/import.js";
import { planCommand } from "./commands/plan.js";
import { validateCommand } from "./commands/validate.js";
import { describeError } from "./errors.js";
import { Io } from "./io.js";
import { stopBeforeWrites } from "./signals.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The command line: thin commands, one error boundary, exit codes from design section 7. */
export async function main(argv: string[]): Promise<number> {
  const io = new Io();
  let exitCode = 0;
  const program = new Command("orgform")
    .description("Plan and apply an organisation chart across enterprise SaaS systems.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.err(s), writeOut: (s) => io.out(s) });

  program
    .command("validate")
    .description("check manifests; call no vendor")
    .argument("[paths...]", "manifest files or folders", ["."])
    .action((paths: string[]) => {
      exitCode = validateCommand(paths, io);
    });

  program
    .command("plan")
    .description("read live state and show what apply would change")
    .argument("[paths...]", "manifest files or folders", ["."])
    .option("--out <file>", "also write the plan as JSON, for apply --plan")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .option("--detailed-exitcode", "exit 2 when there are changes")
    .option("--target <name>", "only this target (repeatable)", collect)
    .option("--kind <kind>", "only this kind (repeatable)", collect)
    .action(async (paths: string[], opts) => {
      stopBeforeWrites(io);
      exitCode = await planCommand(paths, opts, io);
    });

  program
    .command("apply")
    .description("make live state match: plan and apply, or apply a saved plan")
    .argument("[paths...]", "manifest files or folders", ["."])
    .option("--plan <file>", "apply exactly this saved plan (refused if live state changed since)")
    .option("--dry-run", "print the exact requests; send nothing")
    .option("--auto-approve", "do not ask for confirmation")
    .option("--force", "apply a plan the safety rules marked unsafe")
    .option("--result <file>", "write every action's outcome as JSON (also on failure and interruption)")
    .option("--target <name>", "only this target (repeatable)", collect)
    .option("--kind <kind>", "only this kind (repeatable)", collect)
    .action(async (paths: string[], opts) => {
      stopBeforeWrites(io);
      exitCode = await applyCommand(paths, opts, io);
    });

  program
    .command("import")
    .description("write manifests for what a target holds today")
    .argument("[paths...]", "manifests holding the Target (and, for kinds that cannot be listed, the objects to read)", ["."])
    .requiredOption("--target <name>", "the target to import")
    .option("--kind <kind>", "only this kind (repeatable)", collect)
    .option("--out <dir>", "folder to write one file per kind into", ".")
    .action(async (paths: string[], opts) => {
      stopBeforeWrites(io);
      exitCode = await importCommand(paths, opts, io);
    });

  program
    .command("emulator")
    .description("serve the vendor emulators on one port")
    .option("--port <n>", "port to listen on (default: any free port)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--state <file>", "seed state (YAML or JSON)")
    .action(async (opts) => {
      exitCode = await emulatorCommand(opts, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1;
    const { text, exitCode: code } = describeError(err);
    io.err(text);
    return code;
  }
}

/**
 * Exit once both streams are flushed. Exiting (rather than waiting for the event loop to
 * drain) matters after an interrupted apply: calls abandoned after the grace period must not
 * keep the process alive.
 */
function exitWhenFlushed(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  exitWhenFlushed(1);
});

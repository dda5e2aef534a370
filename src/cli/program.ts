import { Argument, Command, CommanderError, Option } from "commander";
import { COMPLETION_SHELLS, completionScript, type CompletionShell } from "./completion.js";
import { applyCommand } from "./commands/apply.js";
import { doctorCommand } from "./commands/doctor.js";
import { whoisCommand } from "./commands/whois.js";
import { emulatorCommand } from "./commands/emulator.js";
import { importCommand } from "./commands/import.js";
import { planCommand } from "./commands/plan.js";
import { schemaCommand } from "./commands/schema.js";
import { showCommand } from "./commands/show.js";
import { VALIDATE_FORMATS, validateCommand, type ValidateFormat } from "./commands/validate.js";
import { ORGFORM_VERSION } from "../engine/version.js";
import { describeError } from "./errors.js";
import { Io } from "./io.js";
import { LOG_LEVELS, resolveLogLevel } from "./log.js";
import { releaseSignals, stopBeforeWrites } from "./signals.js";


const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The command line: thin commands, one error boundary; exit 0 success, 1 any error, 2 only for
 * plan --detailed-exitcode with changes. `io` says where text goes and which environment the
 * run sees; the binary (`main.ts`) passes this process's own, tests may pass their own.
 */
export async function main(argv: string[], io: Io = new Io()): Promise<number> {
  let exitCode = 0;
  const program = new Command("orgform")
    .description("Plan and apply an organisation chart across enterprise SaaS systems.")
    .version(ORGFORM_VERSION)
    .addOption(new Option("--log-level <level>", "debug: one stderr line per HTTP exchange; trace: with bodies (secrets redacted); or set ORGFORM_LOG").choices(LOG_LEVELS))
    .exitOverride()
    .configureOutput({ writeErr: (s) => io.err(s), writeOut: (s) => io.out(s) })
    .hook("preAction", () => io.setLogLevel(resolveLogLevel(program.opts<{ logLevel?: string }>().logLevel, io.env)));

  program
    .command("validate")
    .description("check manifests; call no vendor")
    .argument("[paths...]", "manifest files or folders", ["."])
    .addOption(new Option("--format <format>", "text; json: one report on stdout; github: problems as GitHub Actions annotations; gitlab: a GitLab code quality report").choices(VALIDATE_FORMATS).default("text"))
    .action((paths: string[], opts: { format: ValidateFormat }) => {
      exitCode = validateCommand(paths, io, opts.format);
    });

  program
    .command("plan")
    .description("read live state and show what apply would change")
    .argument("[paths...]", "manifest files or folders", ["."])
    .option("--out <file>", "also write the plan as JSON, for apply --plan")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .option("--detailed-exitcode", "exit 2 when there are changes")
    .option("--summary", "only counts per target and kind (the --out file still holds every change)")
    .option("--target <name>", "only this target (repeatable)", collect)
    .option("--kind <kind>", "only this kind (repeatable)", collect)
    .action(async (paths: string[], opts) => {
      stopBeforeWrites(io);
      exitCode = await planCommand(paths, opts, io);
    });

  program
    .command("doctor")
    .description("check each target before the first write: credentials, reachability, token, permissions, assumptions (reads only)")
    .argument("[paths...]", "manifest files or folders", ["."])
    .option("--target <name>", "only this target (repeatable)", collect)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (paths: string[], opts) => {
      exitCode = await doctorCommand(paths, opts, io);
    });

  program
    .command("whois")
    .description("show where a Person of the org is today: accounts, records, memberships, duties on every target (reads only)")
    .argument("<handle>", "the Person's handle")
    .argument("[paths...]", "manifest files or folders", ["."])
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (handle: string, paths: string[], opts) => {
      stopBeforeWrites(io);
      exitCode = await whoisCommand(handle, paths, opts, io);
    });

  program
    .command("apply")
    .description("make live state match: plan and apply, or apply a saved plan")
    .argument("[paths...]", "manifest files or folders", ["."])
    .option("--plan <file>", "apply this saved plan only if planning again from the manifests gives exactly the same plan")
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
    .description("write manifests for what a target holds today, or (--people) a first people.yaml")
    .argument("[paths...]", "manifests holding the Target (and, for kinds that cannot be listed, the objects to read)", ["."])
    .option("--target <name>", "the target to import (with --people: only this target)")
    .option("--kind <kind>", "only this kind (repeatable)", collect)
    .option("--people", "write people.yaml: the people found in every target, matched where an email or mobile agrees")
    .option("--out <dir>", "folder to write into", ".")
    .option("--schemas <dir>", "the folder orgform schema --out wrote: $schema comments point there (default: the schemas' URLs)")
    .action(async (paths: string[], opts) => {
      stopBeforeWrites(io);
      exitCode = await importCommand(paths, opts, io);
    });

  program
    .command("show")
    .description("render a saved plan file; call no vendor")
    .argument("<plan>", "a plan file written by plan --out")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
    .option("--summary", "only counts per target and kind")
    .action((file: string, opts) => {
      exitCode = showCommand(file, opts, io);
    });

  program
    .command("schema")
    .description("write the JSON Schemas for editors into a folder")
    .requiredOption("--out <dir>", "folder to write the schemas into")
    .action((opts) => {
      exitCode = schemaCommand(opts, io);
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

  program
    .command("completion")
    .description("print a shell completion script (bash or zsh); source it from your shell's rc file")
    .addArgument(new Argument("[shell]", "the shell").choices(COMPLETION_SHELLS).default("bash"))
    .action((shell: CompletionShell) => {
      io.out(completionScript(program, shell));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1;
    const { text, exitCode: code } = describeError(err);
    io.err(text);
    return code;
  } finally {
    releaseSignals();
  }
}

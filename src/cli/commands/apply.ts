import { applyRun, type ApplyRequest } from "../../engine/apply-run.js";
import { planRun } from "../../engine/plan-run.js";
import { writeResultFile } from "../../engine/result-file.js";
import { ManifestError, UsageError } from "../../model/errors.js";
import type { ActionResult, RunVerdict } from "../../model/result.js";
import { runApply } from "../signals.js";
import { describeError } from "../errors.js";
import { renderRequests } from "../../render/requests.js";
import { renderResults } from "../../render/results.js";
import { kindModels } from "../../drivers/registry.js";
import { renderText } from "../../render/text.js";
import type { Io } from "../io.js";
import { confirm } from "../prompt.js";
import { checkOutputPath, load, reading, type Selection } from "./shared.js";

export interface ApplyOptions extends Selection {
  plan?: string;
  dryRun?: boolean;
  autoApprove?: boolean;
  force?: boolean;
  result?: string;
}

type Recorder = (verdict: RunVerdict, results: ActionResult[], message?: string) => void;

/** Apply a saved plan (verified by planning again), or plan and apply in one go (asking first); `--result` records how it ended. */
export async function applyCommand(paths: string[], options: ApplyOptions, io: Io): Promise<number> {
  checkOutputPath("--result", options.result);
  const record: Recorder = (verdict, results, message) => {
    if (options.result) writeResultFile(options.result, verdict, results, (t) => io.redactor.redact(t), message);
  };
  try {
    return await applyAndReport(paths, options, io, record);
  } catch (err) {
    record("refused", [], describeError(err).text.trim().split("\n")[0]);
    throw err;
  }
}

async function applyAndReport(paths: string[], options: ApplyOptions, io: Io, record: Recorder): Promise<number> {
  const { connect, done } = reading(io);
  const request: ApplyRequest = {
    connect,
    env: io.env,
    force: options.force,
    dryRun: options.dryRun,
    runner: (start, plan) => {
      done();
      return runApply(plan, io, start);
    },
  };
  try {
    if (options.plan) Object.assign(request, { savedPlan: options.plan, paths, selection: options });
    else request.run = await planAndShow(paths, options, io, connect);
  } finally {
    if (!options.plan) done();
  }
  if (!options.plan && !options.autoApprove) request.confirm = () => ask(io);
  const report = await applyRun(request).finally(done);
  switch (report.verdict) {
    case "nothing-to-do":
      if (options.plan) io.out("No changes in the plan. Nothing to apply.\n");
      record("nothing-to-do", []);
      return 0;
    case "dry-run":
      io.out(renderRequests(report.requests));
      return 0;
    case "cancelled":
      io.err("Apply cancelled.\n");
      record("refused", [], "cancelled at the prompt");
      return 1;
    default:
      io.out(renderResults(report.results, io.style));
      record(report.verdict === "interrupted" ? "interrupted" : report.verdict === "applied" ? "applied" : "failed", report.results);
      return report.verdict === "applied" ? 0 : 1;
  }
}

async function planAndShow(paths: string[], selection: Selection, io: Io, connect: ApplyRequest["connect"]) {
  const run = await planRun({ manifests: load(paths, io), selection, connect });
  for (const line of run.widened) io.err(`Note: ${line}.\n`);
  if (run.problems.length) throw new ManifestError([...run.problems]);
  io.out(renderText(run.plan, io.style, { kinds: kindModels() }));
  return run;
}

async function ask(io: Io): Promise<boolean> {
  if (!io.stdinIsTty) throw new UsageError("apply needs --auto-approve when there is no terminal to ask on (or apply a reviewed plan with --plan FILE)");
  return confirm("Apply these changes?");
}

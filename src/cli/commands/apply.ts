import type { Operation } from "../../apply/compile.js";
import { placeholder, resolveRequest } from "../../apply/deferred.js";
import { scopeFor } from "../../engine/fetch.js";
import { fingerprint } from "../../engine/fingerprint.js";
import { makePlan } from "../../engine/plan.js";
import { readPlanFile, targetsFromPlan } from "../../engine/plan-file.js";
import { operationsFor, selectScope } from "../../engine/session.js";
import { redactHttpRequest } from "../../http/redact.js";
import { ManifestError, StalePlanError, UnsafePlanError, UsageError } from "../../model/errors.js";
import type { FetchScope, Plan } from "../../model/plan.js";
import type { ActionResult, ResultFile } from "../../model/result.js";
import { writeResultFile } from "../../engine/result-file.js";
import { runApply } from "../signals.js";
import { describeError } from "../errors.js";
import { renderRequests } from "../../render/requests.js";
import { renderResults } from "../../render/results.js";
import { renderText } from "../../render/text.js";
import type { Io } from "../io.js";
import { confirm } from "../prompt.js";
import { load, readLive, type LiveState, type Selection } from "./shared.js";

export interface ApplyOptions extends Selection {
  plan?: string;
  dryRun?: boolean;
  autoApprove?: boolean;
  force?: boolean;
  result?: string;
}

/** Apply a saved plan, or plan and apply in one go (asking first); `--result` records the outcome. */
export async function applyCommand(paths: string[], options: ApplyOptions, io: Io): Promise<number> {
  const record = (outcome: ResultFile["outcome"], results: ActionResult[], message?: string) => {
    if (options.result) writeResultFile(options.result, outcome, results, (t) => io.redactor.redact(t), message);
  };
  try {
    return await applyAndReport(paths, options, io, record);
  } catch (err) {
    record("refused", [], describeError(err).text.trim().split("\n")[0]);
    throw err;
  }
}

type Recorder = (outcome: ResultFile["outcome"], results: ActionResult[], message?: string) => void;

async function applyAndReport(paths: string[], options: ApplyOptions, io: Io, record: Recorder): Promise<number> {
  const { plan, state } = options.plan ? await fromPlanFile(options.plan, io) : await fromManifests(paths, options, io);
  if (!options.plan) io.out(renderText(plan, io.style));
  if (plan.actions.length === 0) {
    if (options.plan) io.out("No changes in the plan. Nothing to apply.\n");
    record("nothing-to-do", []);
    return 0;
  }
  if (!plan.safety.ok && !options.force) throw new UnsafePlanError(plan.safety.violations);
  const ops = operationsFor(plan, state);
  if (options.dryRun) {
    io.out(dryRun(ops, state, io));
    return 0;
  }
  if (!options.plan && !options.autoApprove) {
    if (!process.stdin.isTTY) throw new UsageError("apply needs --auto-approve when there is no terminal to ask on (or apply a reviewed plan with --plan FILE)");
    if (!(await confirm("Apply these changes?"))) {
      io.err("Apply cancelled.\n");
      record("refused", [], "cancelled at the prompt");
      return 1;
    }
  }
  const { results, interrupted } = await runApply(ops, plan, state, io);
  io.out(renderResults(results, io.style));
  const ok = results.every((r) => r.status === "done");
  record(interrupted ? "interrupted" : ok ? "applied" : "failed", results);
  return ok && !interrupted ? 0 : 1;
}

async function fromManifests(paths: string[], options: ApplyOptions, io: Io): Promise<{ plan: Plan; state: LiveState }> {
  const manifests = load(paths, io);
  const scope = scopeFor(selectScope(manifests, options), manifests.desired);
  const state = await readLive(manifests.targets, scope, io);
  const { plan, problems } = makePlan(manifests, state.live, state.scope, state.facts);
  if (problems.length) throw new ManifestError(problems);
  return { plan, state };
}

/** A reviewed plan: re-read live state with the same scope, refuse it if anything changed. */
async function fromPlanFile(file: string, io: Io): Promise<{ plan: Plan; state: LiveState }> {
  const plan = readPlanFile(file);
  const targets = targetsFromPlan(plan, file, io.env);
  for (const t of targets) io.redactor.add(...Object.values(t.credentials));
  const scope = new Map<string, FetchScope[]>(plan.targets.map((t) => [t.name, t.scope]));
  const state = await readLive(targets, scope, io);
  for (const t of plan.targets) {
    if (fingerprint(state.live.get(t.name) ?? []) !== t.fingerprint) throw new StalePlanError(t.name);
  }
  return { plan, state };
}

/** The exact calls apply would make, secrets blanked, values from earlier calls as placeholders. */
function dryRun(ops: Operation[], state: LiveState, io: Io): string {
  const groups = ops.map((op) => {
    const client = state.connections.get(op.target)?.client;
    if (!client) throw new Error(`no connection for target "${op.target}"`);
    const title = op.actions.length === 1 ? `${op.actions[0]?.op} ${op.id}` : `${op.actions[0]?.op} ${op.actions.length} × ${op.kind} in target ${op.target}`;
    return { title, requests: op.requests.map((r) => redactHttpRequest(client.prepare(resolveRequest(r, placeholder), Date.now()), io.redactor)) };
  });
  return renderRequests(groups);
}

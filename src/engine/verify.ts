import { formatPath } from "../manifest/diagnose.js";
import { ManifestError, StalePlanError } from "../model/errors.js";
import type { Action, Diagnostic, Plan, PlanTarget } from "../model/plan.js";
import type { SourcePosition } from "../model/resource.js";
import { stableJson } from "./fingerprint.js";

/** How many differences a refusal lists before it only counts the rest. */
const SHOWN = 5;

/** A saved plan that is not what planning again gives: refused, nothing sent. */
export class PlanMismatchError extends ManifestError {
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics);
    this.name = "PlanMismatchError";
    this.message =
      "the saved plan differs from the plan the manifests and live state give now (changed manifests or an edited plan file); it was refused and nothing was sent: run plan again and review the new plan";
  }
}

type Locate = (path: (string | number)[]) => SourcePosition | undefined;

/**
 * Refuse a saved plan unless a fresh plan, made now with the same selection, is the same
 * plan: the same target descriptions, live state (fingerprints), actions, summary and safety
 * verdict. Throws StalePlanError when only live state moved, PlanMismatchError otherwise.
 */
export function verifySavedPlan(saved: Plan, fresh: Plan, locate: Locate = () => undefined): void {
  const at = (path: (string | number)[], message: string): Diagnostic => {
    const d: Diagnostic = { path: formatPath(path), message };
    const source = locate(path);
    if (source) d.source = source;
    return d;
  };
  const targetProblems = compareTargets(saved.targets, fresh.targets, at);
  if (targetProblems.length) throw new PlanMismatchError(targetProblems);
  const freshTargets = new Map(fresh.targets.map((t) => [t.name, t]));
  for (const t of saved.targets) if (freshTargets.get(t.name)?.fingerprint !== t.fingerprint) throw new StalePlanError(t.name);
  const problems = compareActions(saved.actions, fresh.actions, at);
  if (stableJson(saved.summary) !== stableJson(fresh.summary)) problems.push(at(["summary"], `the file's summary ${stableJson(saved.summary)} is not a fresh plan's ${stableJson(fresh.summary)}`));
  if (stableJson(saved.safety) !== stableJson(fresh.safety)) {
    problems.push(at(["safety"], `the file's safety verdict (ok: ${saved.safety.ok}, ${saved.safety.violations.length} violations) is not a fresh plan's (ok: ${fresh.safety.ok}, ${fresh.safety.violations.length} violations)`));
  }
  if (problems.length) throw new PlanMismatchError(capped(problems));
}

function compareTargets(saved: PlanTarget[], fresh: PlanTarget[], at: (path: (string | number)[], message: string) => Diagnostic): Diagnostic[] {
  const out: Diagnostic[] = [];
  const freshByName = new Map(fresh.map((t) => [t.name, t]));
  const savedNames = new Set(saved.map((t) => t.name));
  saved.forEach((t, i) => {
    const now = freshByName.get(t.name);
    if (!now) {
      out.push(at(["targets", i, "name"], `target "${t.name}" is not in a fresh plan with the same selection (were the same manifest paths given?)`));
      return;
    }
    // Endpoints and credentials are compared, never shown: only the manifests' values are used.
    const fields: (keyof PlanTarget)[] = ["driver", "endpoint", "credentials", "limits", "scope"];
    for (const field of fields) {
      if (stableJson(t[field]) !== stableJson(now[field])) out.push(at(["targets", i, field], `target "${t.name}": ${field} differs from what the manifests say now`));
    }
  });
  for (const t of fresh) if (!savedNames.has(t.name)) out.push(at(["targets"], `a fresh plan also covers target "${t.name}", which the file lacks (were the same manifest paths given?)`));
  return out;
}

function compareActions(saved: Action[], fresh: Action[], at: (path: (string | number)[], message: string) => Diagnostic): Diagnostic[] {
  const out: Diagnostic[] = [];
  const freshById = new Map(fresh.map((a) => [a.id, a]));
  const seen = new Set<string>();
  saved.forEach((a, i) => {
    if (seen.has(a.id)) {
      out.push(at(["actions", i, "id"], `${a.id} appears more than once in the file`));
      return;
    }
    seen.add(a.id);
    const now = freshById.get(a.id);
    if (!now) {
      out.push(at(["actions", i], `${a.op} ${a.id} is in the file, but a fresh plan has no action for it`));
      return;
    }
    if (a.op !== now.op) {
      out.push(at(["actions", i, "op"], `${a.id}: the file says ${a.op}, a fresh plan says ${now.op}`));
      return;
    }
    const fields: (keyof Action)[] = ["target", "kind", "key", "renamedFrom", "changes", "dependsOn"];
    const differing = fields.filter((f) => stableJson(a[f]) !== stableJson(now[f]));
    if (differing.length) out.push(at(["actions", i, differing[0] as string], `${a.op} ${a.id}: ${differing.join(", ")} differ from a fresh plan's`));
  });
  for (const a of fresh) if (!seen.has(a.id)) out.push(at(["actions"], `a fresh plan also has ${a.op} ${a.id}, which the file lacks`));
  if (out.length === 0 && saved.map((a) => a.id).join("\n") !== fresh.map((a) => a.id).join("\n")) {
    out.push(at(["actions"], "the actions are in another order than a fresh plan's"));
  }
  return out;
}

function capped(list: Diagnostic[]): Diagnostic[] {
  if (list.length <= SHOWN) return list;
  return [...list.slice(0, SHOWN), { message: `and ${list.length - SHOWN} more differences` }];
}

import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { formatPath, schemaDiagnostics } from "../manifest/diagnose.js";
import { validatorFor } from "../manifest/schemas.js";
import { parseYamlFile } from "../manifest/yaml.js";
import { ManifestError } from "../model/errors.js";
import type { Plan } from "../model/plan.js";
import { batched, jsonPieces } from "../render/json.js";
import { PLAN_FORMAT_VERSION } from "../model/plan.js";
import type { SourcePosition } from "../model/resource.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";

/** Write the plan file in chunks of about 1 MB: a large plan is never one string in memory. */
export function writePlanFile(file: string, plan: Plan): void {
  const fd = openSync(file, "w");
  try {
    for (const chunk of batched(jsonPieces(plan))) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Read and check a plan file; every problem names the file, line and JSON path. */
export function readPlanFile(file: string, lookup: DriverLookup = shippedDrivers): Plan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ManifestError([{ source: { file, line: 1, column: 1 }, message: "the plan file cannot be read" }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const at = jsonErrorPosition(file, text, err);
    throw new ManifestError([{ source: at, message: `the plan file is not valid JSON (${err instanceof Error ? err.message : String(err)})` }]);
  }
  return checked(value, lookup, () => positioned(file, text));
}

/** Check a plan given as data (not read from a file) as a plan file is checked. */
export function checkPlan(value: unknown, lookup: DriverLookup = shippedDrivers): Plan {
  const name = "(saved plan)";
  return checked(value, lookup, () => positioned(name, JSON.stringify(value, null, 2) ?? ""));
}

function checked(value: unknown, lookup: DriverLookup, doc: () => ReturnType<typeof positioned>): Plan {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== PLAN_FORMAT_VERSION) {
    throw new ManifestError([{ source: doc().positionOf(["formatVersion"]), path: "formatVersion", message: `plan format ${JSON.stringify(version)} is not supported (this orgform reads format ${PLAN_FORMAT_VERSION}); make the plan again with this version` }]);
  }
  const validate = validatorFor("plan.schema.json");
  if (!validate(value)) throw new ManifestError(schemaDiagnostics(doc(), validate.errors ?? []));
  const plan = value as Plan;
  const problems = [...inconsistencies(plan, lookup), ...cycles(plan)];
  if (problems.length) {
    const located = doc();
    throw new ManifestError(problems.map(([path, message]) => ({ source: located.positionOf(path), path: formatPath(path), message })));
  }
  return plan;
}

/** Actions that name a target, kind or dependency the plan does not have. */
function inconsistencies(plan: Plan, lookup: DriverLookup): [(string | number)[], string][] {
  const targets = new Map(plan.targets.map((t) => [t.name, t]));
  const ids = new Set(plan.actions.map((a) => a.id));
  const out: [(string | number)[], string][] = [];
  plan.targets.forEach((t, i) => {
    if (!lookup.driver(t.driver)) out.push([["targets", i, "driver"], `unknown driver "${t.driver}"`]);
  });
  plan.actions.forEach((a, i) => {
    const target = targets.get(a.target);
    if (!target) out.push([["actions", i, "target"], `target "${a.target}" is not among the plan's targets`]);
    const kind = lookup.kind(a.kind);
    if (!kind) out.push([["actions", i, "kind"], `unknown kind "${a.kind}"`]);
    else if (target && lookup.driver(target.driver) && !a.kind.startsWith(`${target.driver}.`)) out.push([["actions", i, "kind"], `kind ${a.kind} does not belong to driver ${target.driver}`]);
    a.dependsOn.forEach((d, j) => {
      if (!ids.has(d)) out.push([["actions", i, "dependsOn", j], `depends on "${d}", which is not in the plan`]);
    });
  });
  return out;
}

/** The plan text parsed again, keeping positions: only done when something is wrong. */
function positioned(file: string, text: string) {
  const doc = parseYamlFile(file, text).documents[0];
  return doc ?? { file, start: { file, line: 1, column: 1 }, value: undefined, positionOf: () => ({ file, line: 1, column: 1 }) };
}

function jsonErrorPosition(file: string, text: string, err: unknown): SourcePosition {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : "");
  const offset = m ? Number(m[1]) : 0;
  const before = text.slice(0, offset).split("\n");
  return { file, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Where a JSON path of a plan file is, for messages about it. */
export function planFilePositions(file: string): (path: (string | number)[]) => SourcePosition {
  let located: ReturnType<typeof positioned> | undefined;
  return (path) => {
    try {
      located ??= positioned(file, readFileSync(file, "utf8"));
      return located.positionOf(path);
    } catch {
      return { file, line: 1, column: 1 };
    }
  };
}

/** A dependency cycle among the actions (one is enough to refuse the file), found without recursion. */
function cycles(plan: Plan): [(string | number)[], string][] {
  const index = new Map(plan.actions.map((a, i) => [a.id, i]));
  const waiting = new Map(plan.actions.map((a) => [a.id, new Set(a.dependsOn.filter((d) => index.has(d)))]));
  let progress = true;
  while (progress) {
    progress = false;
    for (const [id, deps] of waiting) {
      if ([...deps].some((d) => waiting.has(d))) continue;
      waiting.delete(id);
      progress = true;
    }
  }
  const start = waiting.keys().next().value;
  if (start === undefined) return [];
  const path = [start];
  const seen = new Set(path);
  for (let at: string | undefined = start; at !== undefined; ) {
    const next: string | undefined = [...(waiting.get(at) ?? [])].find((d) => waiting.has(d));
    if (next === undefined || seen.has(next)) {
      if (next !== undefined) path.push(next);
      break;
    }
    path.push(next);
    seen.add(next);
    at = next;
  }
  const first = path[path.length - 1] as string;
  const loop = path.slice(path.indexOf(first));
  return [[["actions", index.get(first) ?? 0, "dependsOn"], `the actions depend on each other in a cycle (${loop.join(" → ")}); a plan orgform made never does`]];
}

import { readFileSync, writeFileSync } from "node:fs";
import { findDriver, findKind } from "../drivers/registry.js";
import { formatPath, schemaDiagnostics } from "../manifest/diagnose.js";
import { interpolate } from "../manifest/interpolate.js";
import { validatorFor } from "../manifest/schemas.js";
import { parseYamlFile } from "../manifest/yaml.js";
import { ManifestError } from "../model/errors.js";
import type { Diagnostic, Plan } from "../model/plan.js";
import { PLAN_FORMAT_VERSION } from "../model/plan.js";
import type { SourcePosition } from "../model/resource.js";
import type { TargetConfig } from "../model/target.js";

export function writePlanFile(file: string, plan: Plan): void {
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
}

/** Read and check a plan file; every problem names the file, line and JSON path. */
export function readPlanFile(file: string): Plan {
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
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== PLAN_FORMAT_VERSION) {
    const at = positioned(file, text).positionOf(["formatVersion"]);
    throw new ManifestError([{ source: at, path: "formatVersion", message: `plan format ${JSON.stringify(version)} is not supported (this orgform reads format ${PLAN_FORMAT_VERSION}); make the plan again with this version` }]);
  }
  const validate = validatorFor("plan.schema.json");
  if (!validate(value)) throw new ManifestError(schemaDiagnostics(positioned(file, text), validate.errors ?? []));
  const plan = value as Plan;
  const problems = inconsistencies(plan);
  if (problems.length) {
    const doc = positioned(file, text);
    throw new ManifestError(problems.map(([path, message]) => ({ source: doc.positionOf(path), path: formatPath(path), message })));
  }
  return plan;
}

/** Actions that name a target, kind or dependency the plan does not have. */
function inconsistencies(plan: Plan): [(string | number)[], string][] {
  const targets = new Map(plan.targets.map((t) => [t.name, t]));
  const ids = new Set(plan.actions.map((a) => a.id));
  const out: [(string | number)[], string][] = [];
  plan.targets.forEach((t, i) => {
    if (!findDriver(t.driver)) out.push([["targets", i, "driver"], `unknown driver "${t.driver}"`]);
  });
  plan.actions.forEach((a, i) => {
    const target = targets.get(a.target);
    if (!target) out.push([["actions", i, "target"], `target "${a.target}" is not among the plan's targets`]);
    const kind = findKind(a.kind);
    if (!kind) out.push([["actions", i, "kind"], `unknown kind "${a.kind}"`]);
    else if (target && findDriver(target.driver) && !a.kind.startsWith(`${target.driver}.`)) out.push([["actions", i, "kind"], `kind ${a.kind} does not belong to driver ${target.driver}`]);
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

/** The targets a plan file describes, with credentials resolved from the environment. */
export function targetsFromPlan(plan: Plan, file: string, env: Readonly<Record<string, string | undefined>>): TargetConfig[] {
  const diagnostics: Diagnostic[] = [];
  let located: ReturnType<typeof positioned> | undefined;
  const at = (path: (string | number)[]) => (located ??= positioned(file, readFileSync(file, "utf8"))).positionOf(path);
  const targets = plan.targets.map((t, i): TargetConfig => {
    const credentials: Record<string, string> = {};
    for (const [field, ref] of Object.entries(t.credentials)) {
      const resolved = interpolate(ref, env);
      if (resolved.ok) credentials[field] = resolved.value;
      else diagnostics.push({ source: at(["targets", i, "credentials", field]), path: `targets[${i}].credentials.${field}`, message: resolved.message });
    }
    const endpoint = interpolate(t.endpoint, env);
    if (!endpoint.ok) diagnostics.push({ source: at(["targets", i, "endpoint"]), path: `targets[${i}].endpoint`, message: endpoint.message });
    const config: TargetConfig = { name: t.name, driver: t.driver, endpoint: endpoint.ok ? endpoint.value : "", credentials, credentialRefs: t.credentials };
    if (t.limits) config.limits = t.limits;
    return config;
  });
  if (diagnostics.length) throw new ManifestError(diagnostics);
  return targets;
}

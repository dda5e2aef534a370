import { readFileSync, writeFileSync } from "node:fs";
import { findDriver } from "../drivers/registry.js";
import { formatPath, pointerToPath } from "../manifest/diagnose.js";
import { interpolate } from "../manifest/interpolate.js";
import { validatorFor } from "../manifest/schemas.js";
import { ManifestError } from "../model/errors.js";
import type { Diagnostic, Plan } from "../model/plan.js";
import { PLAN_FORMAT_VERSION } from "../model/plan.js";
import type { TargetConfig } from "../model/target.js";

export function writePlanFile(file: string, plan: Plan): void {
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
}

/** Read and check a plan file; every problem names the file and the JSON path. */
export function readPlanFile(file: string): Plan {
  const source = { file, line: 1, column: 1 };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message : "cannot be read";
    throw new ManifestError([{ source, message: `plan file ${reason}` }]);
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== PLAN_FORMAT_VERSION) {
    throw new ManifestError([{ source, path: "formatVersion", message: `plan format ${JSON.stringify(version)} is not supported (this orgform reads format ${PLAN_FORMAT_VERSION}); make the plan again with this version` }]);
  }
  const validate = validatorFor("plan.schema.json");
  if (!validate(value)) {
    const diagnostics: Diagnostic[] = (validate.errors ?? []).map((e) => ({ source, path: formatPath(pointerToPath(e.instancePath)), message: e.message ?? "is invalid" }));
    throw new ManifestError(diagnostics);
  }
  return value as Plan;
}

/** The targets a plan file describes, with credentials resolved from the environment. */
export function targetsFromPlan(plan: Plan, file: string, env: Readonly<Record<string, string | undefined>>): TargetConfig[] {
  const diagnostics: Diagnostic[] = [];
  const source = { file, line: 1, column: 1 };
  const targets = plan.targets.map((t, i): TargetConfig => {
    const driver = findDriver(t.driver);
    if (!driver) diagnostics.push({ source, path: `targets[${i}].driver`, message: `unknown driver "${t.driver}"` });
    const credentials: Record<string, string> = {};
    for (const [field, ref] of Object.entries(t.credentials)) {
      const resolved = interpolate(ref, env);
      if (resolved.ok) credentials[field] = resolved.value;
      else diagnostics.push({ source, path: `targets[${i}].credentials.${field}`, message: resolved.message });
    }
    const endpoint = interpolate(t.endpoint, env);
    if (!endpoint.ok) diagnostics.push({ source, path: `targets[${i}].endpoint`, message: endpoint.message });
    const config: TargetConfig = { name: t.name, driver: t.driver, endpoint: endpoint.ok ? endpoint.value : "", credentials, credentialRefs: t.credentials };
    if (t.limits) config.limits = t.limits;
    return config;
  });
  if (diagnostics.length) throw new ManifestError(diagnostics);
  return targets;
}

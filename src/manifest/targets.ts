import type { Driver } from "../drivers/driver.js";
import type { Diagnostic } from "../model/plan.js";
import type { TargetPolicy } from "../model/policy.js";
import type { TargetConfig, TargetLimits } from "../model/target.js";
import { interpolate, referencedVariable } from "./interpolate.js";
import { formatPath } from "./diagnose.js";
import type { ParsedDocument } from "./yaml.js";

interface TargetDocument {
  name: string;
  driver: string;
  endpoint?: string;
  credentials?: Record<string, string>;
  policy?: TargetPolicy;
  limits?: TargetLimits;
}

/**
 * A schema-valid Target document → TargetConfig, checking credentials against the driver:
 * known fields, a complete required set, secrets only as `${VAR}`, every variable set. With
 * `unsetVariables: "record"` (commands that call no vendor) an unset variable is not an error:
 * it is listed in `missingVariables` and its value stays empty.
 */
export function readTarget(
  doc: ParsedDocument,
  driver: Driver,
  env: Readonly<Record<string, string | undefined>>,
  unsetVariables: "error" | "record" = "error",
): { target?: TargetConfig; diagnostics: Diagnostic[] } {
  const t = doc.value as TargetDocument;
  const diagnostics: Diagnostic[] = [];
  const missing = new Set<string>();
  const resolve = (path: (string | number)[], written: string): string | undefined => {
    const resolved = interpolate(written, env);
    if (resolved.ok) return resolved.value;
    if (unsetVariables === "record" && resolved.unset) for (const v of resolved.unset) missing.add(v);
    else problem(path, resolved.message);
    return undefined;
  };
  const problem = (path: (string | number)[], message: string, key = false) =>
    diagnostics.push({ source: doc.positionOf(path, key), path: formatPath(path), message });

  const refs = t.credentials ?? {};
  const credentials: Record<string, string> = {};
  for (const [field, written] of Object.entries(refs)) {
    const path = ["credentials", field];
    if (!driver.credentials.fields.includes(field)) {
      problem(path, `is not a credential of driver ${driver.name} (expected ${driver.credentials.fields.join(", ")})`, true);
      continue;
    }
    if (driver.credentials.secrets.includes(field) && referencedVariable(written) === undefined) {
      problem(path, "is a secret and must be a ${VAR} reference to an environment variable, not written inline");
      continue;
    }
    credentials[field] = resolve(path, written) ?? "";
  }
  const present = Object.keys(refs);
  if (!driver.credentials.required.some((set) => set.every((f) => present.includes(f)))) {
    const options = driver.credentials.required.map((set) => set.join(" + ")).join(", or ");
    problem(["credentials"], `driver ${driver.name} needs credentials ${options}`);
  }

  let endpoint = driver.defaultEndpoint;
  if (t.endpoint !== undefined) {
    const resolved = resolve(["endpoint"], t.endpoint);
    if (resolved === undefined) endpoint = "";
    else if (!/^https?:\/\/\S+$/.test(resolved)) problem(["endpoint"], "must be an http(s) URL");
    else endpoint = resolved.replace(/\/+$/, "");
  }
  if (diagnostics.length) return { diagnostics };
  return {
    diagnostics,
    target: {
      name: t.name,
      driver: t.driver,
      endpoint,
      endpointRef: t.endpoint,
      credentials,
      credentialRefs: { ...refs },
      policy: t.policy,
      limits: t.limits,
      ...(missing.size ? { missingVariables: [...missing].sort() } : {}),
    },
  };
}

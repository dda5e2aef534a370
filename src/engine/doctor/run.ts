import { Redactor } from "../../http/redact.js";
import { createHttpSender, defaultTimeoutMs, type HttpSender } from "../../http/sender.js";
import { loadManifests, type Manifests } from "../../manifest/load.js";
import { UsageError } from "../../model/errors.js";
import { shippedDrivers, type DriverLookup } from "../drivers.js";
import { failing, type DoctorCheck } from "./checks.js";
import { checkTarget } from "./target.js";

export type { DoctorCheck, DoctorStatus } from "./checks.js";

export interface DoctorRequest {
  /** Manifest files or folders (default: the current folder)… */
  paths?: string[];
  /** …or manifests loaded with `unsetVariables: "record"`, so missing variables can be reported. */
  manifests?: Manifests;
  env?: Readonly<Record<string, string | undefined>>;
  /** Only these targets (default: every target). */
  targets?: string[];
  drivers?: DriverLookup;
  sender?: HttpSender;
  /** Receives every secret and token seen; the report is scrubbed with it. */
  redactor?: Redactor;
}

export interface DoctorReport {
  /** True when no check failed or was contradicted ("cannot check" does not count against it). */
  ok: boolean;
  checks: DoctorCheck[];
}

/**
 * Check each target before the first write, with reads only: credentials, reachability,
 * clock, token, every read API the driver declares and every assumption it can check.
 */
export async function doctorRun(request: DoctorRequest = {}): Promise<DoctorReport> {
  const env = request.env ?? process.env;
  const lookup = request.drivers ?? shippedDrivers;
  const manifests = request.manifests ?? loadManifests(request.paths ?? ["."], { env, unsetVariables: "record" });
  const names = new Set(manifests.targets.map((t) => t.name));
  for (const t of request.targets ?? []) if (!names.has(t)) throw new UsageError(`--target ${t}: no such target in the manifests`);
  const chosen = manifests.targets.filter((t) => !request.targets?.length || request.targets.includes(t.name));
  if (chosen.length === 0) throw new UsageError("the manifests define no Target to check");
  const redactor = request.redactor ?? new Redactor();
  const sender = request.sender ?? createHttpSender({ timeoutMs: Math.min(defaultTimeoutMs(env), 10_000) });
  const perTarget = await Promise.all(
    chosen.map((t) => {
      const driver = lookup.driver(t.driver);
      if (!driver) throw new UsageError(`target "${t.name}": no driver "${t.driver}"`);
      redactor.add(...Object.values(t.credentials));
      return checkTarget(t, driver, { sender, redactor, env });
    }),
  );
  const checks = perTarget.flat().map((c) => ({ ...c, detail: redactor.redact(c.detail), ...(c.fix ? { fix: redactor.redact(c.fix) } : {}) }));
  return { ok: !checks.some((c) => failing(c.status)), checks };
}

import type { Driver } from "../../drivers/driver.js";
import { Connection } from "../../http/connection.js";
import { RateLimiter } from "../../http/limiter.js";
import type { Redactor } from "../../http/redact.js";
import { NetworkError, type HttpSender } from "../../http/sender.js";
import { referencedVariable } from "../../manifest/interpolate.js";
import type { HttpResponse } from "../../model/request.js";
import type { TargetConfig } from "../../model/target.js";
import { CLOCK_SKEW_LIMIT_S, type DoctorCheck } from "./checks.js";
import { diagnoseNetwork, proxyFor } from "./network.js";
import { describeFailure, obtainToken, probeAndCheck } from "./reads.js";

export interface TargetDoctorOptions {
  sender: HttpSender;
  redactor: Redactor;
  env: Readonly<Record<string, string | undefined>>;
  now?: () => number;
}

/** No retries: doctor reports the first answer as it came. */
const ONCE = { attempts: 1, baseMs: 0, maxMs: 0, rateLimitedMs: 0, random: Math.random };

/**
 * Check one target with reads only: credentials present, endpoint reachable, clock, token,
 * each probe the driver declares, each assumption. A step that cannot run because an earlier
 * one failed says so as "cannot check".
 */
export async function checkTarget(target: TargetConfig, driver: Driver, options: TargetDoctorOptions): Promise<DoctorCheck[]> {
  const now = options.now ?? Date.now;
  const out: DoctorCheck[] = [];
  const row = (check: string, status: DoctorCheck["status"], detail: string, fix?: string) => out.push({ target: target.name, check, status, detail, ...(fix ? { fix } : {}) });
  const variables = Object.values(target.credentialRefs).flatMap((v) => referencedVariable(v) ?? []);
  const missing = target.missingVariables ?? [];
  if (missing.length) row("credentials", "failed", `not set: ${missing.join(", ")}`, `set ${missing.join(", ")} in the environment (never in a file)`);
  else row("credentials", "ok", variables.length ? `set: ${variables.join(", ")}` : "no variables needed");

  const blocked = (why: string, clock = true) => {
    if (clock && driver.doctor?.signsTimestamps) row("clock", "cannot check", why);
    row("token", "cannot check", why);
    for (const p of driver.doctor?.probes ?? []) row(`api ${p.api}`, "cannot check", why);
    for (const a of driver.doctor?.assumptions ?? []) row(`assumption ${a.id}`, "cannot check", why);
  };
  if (!target.endpoint) {
    row("endpoint", "cannot check", "the endpoint's variable is not set");
    blocked("the endpoint is not known");
    return out;
  }
  const url = new URL(target.endpoint);
  const proxy = proxyFor(url, options.env);
  let answer: HttpResponse;
  try {
    answer = await options.sender.send({ method: "GET", url: target.endpoint, headers: {} });
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    const d = diagnoseNetwork(err.code, url.host, proxy);
    row("endpoint", "failed", `${d.kind}: ${d.detail}`, d.fix);
    blocked("the endpoint cannot be reached");
    return out;
  }
  if (answer.status === 407) {
    row("endpoint", "failed", `proxy: ${proxy ?? "a proxy"} asks for authentication (HTTP 407)`, "give the proxy's user and password in HTTPS_PROXY");
    blocked("the endpoint cannot be reached");
    return out;
  }
  row("endpoint", "ok", `${url.host} answers (HTTP ${answer.status})${proxy ? ` through the proxy ${proxy}` : ""}`);
  if (driver.doctor?.signsTimestamps) clockRow(answer, now(), row);

  const connection = new Connection(target, driver, { sender: options.sender, limiter: new RateLimiter(), retry: ONCE, redactor: options.redactor });
  const secretsHint = variables.length ? `check that ${variables.join(", ")} ${variables.length === 1 ? "holds" : "hold"} this tenant's values` : "check the target's credentials";
  if (missing.length) {
    blocked("credentials are missing", false);
    return out;
  }
  const token = await obtainToken(connection, options, now());
  if (token.ok) row("token", "ok", token.detail);
  else {
    row("token", "failed", token.detail, token.failure === "network" ? token.fix : `the vendor refused the credentials: ${secretsHint}`);
    for (const p of driver.doctor?.probes ?? []) row(`api ${p.api}`, "cannot check", "no token");
    for (const a of driver.doctor?.assumptions ?? []) row(`assumption ${a.id}`, "cannot check", "no token");
    return out;
  }

  for (const r of await probeAndCheck(connection, driver, (err) => describeFailure(err, url.host, proxy))) row(r.check, r.status, r.detail, r.fix);
  return out;
}

function clockRow(answer: HttpResponse, now: number, row: (check: string, status: DoctorCheck["status"], detail: string, fix?: string) => void): void {
  const date = answer.headers["date"];
  const remote = date === undefined ? NaN : Date.parse(date);
  if (Number.isNaN(remote)) {
    row("clock", "cannot check", "the answer has no Date header");
    return;
  }
  // A Date header has whole seconds: a difference under a second is not measurable.
  const skew = Math.round((now - remote) / 1000);
  if (Math.abs(skew) <= CLOCK_SKEW_LIMIT_S) row("clock", "ok", `this machine and the vendor agree within ${Math.max(1, Math.abs(skew))} s`);
  else row("clock", "failed", `this machine's clock is ${Math.abs(skew)} s ${skew > 0 ? "ahead of" : "behind"} the vendor's; signed calls may be refused`, "synchronise this machine's clock (NTP)");
}

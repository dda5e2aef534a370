import type { Driver } from "../../drivers/driver.js";
import type { Connection } from "../../http/connection.js";
import { NetworkError } from "../../http/sender.js";
import { DriverError } from "../../model/errors.js";
import type { HttpResponse } from "../../model/request.js";
import type { DoctorCheck } from "./checks.js";
import { diagnoseNetwork } from "./network.js";
import type { TargetDoctorOptions } from "./target.js";

type Row = Omit<DoctorCheck, "target">;

/** Each declared read API called once, then each assumption checked (against those answers, or with reads of its own). */
export async function probeAndCheck(connection: Connection, driver: Driver, describe: (err: unknown) => { detail: string; failure: string }): Promise<Row[]> {
  const rows: Row[] = [];
  const answers = new Map<string, unknown>();
  if (!driver.doctor) rows.push({ check: "api", status: "cannot check", detail: `driver ${driver.name} declares no doctor probes` });
  for (const probe of driver.doctor?.probes ?? []) {
    const check = `api ${probe.api}`;
    try {
      const data = await connection.call(probe.request);
      answers.set(probe.api, data);
      const shape = probe.check(data);
      if (shape === undefined) rows.push({ check, status: "ok", detail: "permitted; the answer has the shape orgform reads" });
      else rows.push({ check, status: "failed", detail: `permitted, but the answer is not what orgform reads: ${shape}`, fix: "report this output to the orgform maintainers" });
    } catch (err) {
      const { detail, failure } = describe(err);
      if (probe.expectNotFound && failure === "notFound") {
        rows.push({ check, status: "ok", detail: `permitted (a made-up id, answered not found: ${detail})` });
        continue;
      }
      const refused = failure === "permission" || failure === "auth";
      rows.push({ check, status: "failed", detail: `${refused ? "not permitted" : "failed"}: ${detail}`, fix: `grant ${probe.permission}` });
    }
  }
  for (const a of driver.doctor?.assumptions ?? []) {
    const check = `assumption ${a.id}`;
    if (!a.check) {
      rows.push({ check, status: "cannot check", detail: `${a.statement} (no read can tell; ${a.handling})` });
      continue;
    }
    try {
      const verdict = await a.check({ answers, read: (request) => connection.call(request) });
      rows.push({ check, status: verdict.verdict, detail: `${a.statement}: ${verdict.detail}`, ...(verdict.verdict === "contradicted" ? { fix: a.handling } : {}) });
    } catch (err) {
      rows.push({ check, status: "cannot check", detail: `${a.statement}: the read failed (${describe(err).detail})` });
    }
  }
  return rows;
}

/** The vendor's token call, sent once; a token obtained stays in the client for the probes. */
export async function obtainToken(connection: Connection, options: TargetDoctorOptions, now: number): Promise<{ ok: boolean; detail: string; failure?: string; fix?: string }> {
  const client = connection.client;
  const request = client.tokenRequest(now);
  if (!request) return { ok: true, detail: "the vendor needs no separate token call" };
  let response: HttpResponse;
  try {
    response = await options.sender.send(client.prepare(request, now));
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    const d = diagnoseNetwork(err.code, new URL(connection.target.endpoint).host);
    return { ok: false, detail: `${d.kind}: ${d.detail}`, failure: "network", fix: d.fix };
  }
  const outcome = client.interpret(request, response);
  if (outcome.ok) {
    client.acceptToken(outcome.data, now);
    options.redactor.add(...client.secrets());
    return { ok: true, detail: `obtained (${request.method} ${request.path})` };
  }
  const code = outcome.code === undefined ? "" : ` [${outcome.code}]`;
  return { ok: false, detail: `${request.method} ${request.path}: ${outcome.failure}${code} ${outcome.message}`, failure: outcome.failure };
}

/** A failed call in words: the network kind, or the failure class with the vendor's code and message. */
export function describeFailure(err: unknown, host: string, proxy: string | undefined): { detail: string; failure: string } {
  if (err instanceof DriverError) {
    if (err.failure === "network" && typeof err.code === "string") {
      const d = diagnoseNetwork(err.code, host, proxy);
      return { detail: `${d.kind}: ${d.detail}`, failure: "network" };
    }
    const code = err.code === undefined ? "" : ` [${err.code}]`;
    return { detail: `${err.failure}${code} ${err.vendorMessage}`, failure: err.failure };
  }
  return { detail: err instanceof Error ? err.message : String(err), failure: "unknown" };
}

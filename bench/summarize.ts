import type { LoggedRequest } from "../src/emulator/request-log.js";
import type { GeneratedOrg, OrgOptions, Vendor } from "./generate.js";
import { fetchMinimum } from "./minimum.js";
import type { driverSizes } from "./orgform.js";
import type { PhaseMeasure } from "./protocol.js";
import type { BenchResults, PhaseRecord, RateBound, RunResult, VendorCalls } from "./report.js";

/** What one run measured, turned into the results file's records: calls against the minimum, rate bounds, scaling. */

export type PhaseLog = { phase: string; measure: PhaseMeasure; calls: LoggedRequest[]; emulatorCpuMs: number }[];

/** Vendor answers that mean "too many calls": DingTalk, Jiandaoyun (company, API), ISDP (HTTP 429), Xinrenxinshi. */
const RATE_REFUSALS = new Set<string | number>([90018, 8303, 8304, 429, 42900]);

export type Limits = Record<string, { requestsPerSecond: number; buckets?: Record<string, number> }>;

export function summarize(
  run: string,
  options: OrgOptions,
  org: GeneratedOrg,
  bytes: number,
  worker: { phases: PhaseLog; peakMethod: string },
  sizes: Awaited<ReturnType<typeof driverSizes>>,
  limits: Limits,
): RunResult {
  const fetchMin = fetchMinimum(org.live, sizes, options.vendors);
  const compile = worker.phases.find((p) => p.phase === "compile");
  const applyMin = (compile?.measure.info["minimum"] ?? {}) as Record<string, number>;
  const phases: Record<string, PhaseRecord> = {};
  for (const p of worker.phases) {
    const record: PhaseRecord = { ...p.measure };
    if (p.calls.length || p.phase === "fetch" || p.phase.startsWith("apply")) {
      const minimum = p.phase === "fetch" ? fetchMin : p.phase.startsWith("apply") ? applyMin : undefined;
      record.calls = vendorCalls(p.calls, options.vendors, p.phase.startsWith("apply:") ? undefined : minimum);
      record.emulatorCpuMs = p.emulatorCpuMs;
      record.refusedForRate = p.calls.filter((c) => c.code !== undefined && RATE_REFUSALS.has(c.code)).length;
      if (run === "rate") record.rateBound = rateBound(p.calls, limits, p.measure.ms);
      // With limits off, what the same calls would take at the drivers' own pacing.
      else if (p.phase === "apply") record.pacingBoundMs = Object.fromEntries(Object.entries(rateBound(p.calls, limits, p.measure.ms)).map(([v, b]) => [v, b.boundMs]));
    }
    phases[p.phase] = record;
  }
  if (run === "rate") {
    // Per-target apply phases: their minimum is the vendor's share of the plan's minimum.
    for (const [name, record] of Object.entries(phases)) {
      if (!name.startsWith("apply:") || !record.calls) continue;
      for (const [vendor, c] of Object.entries(record.calls)) {
        if (applyMin[vendor] === undefined || c.calls === 0) continue;
        c.minimum = applyMin[vendor];
        c.ratio = c.calls / (applyMin[vendor] as number);
      }
    }
  }
  const load = phases["load"];
  const plan = phases["plan"];
  const result: RunResult = {
    run,
    loadAverageBefore: 0,
    shape: options.shape,
    drift: options.drift,
    vendors: [...options.vendors],
    limits: options.emulatorLimits === "off" ? "off (emulator quotas off, orgform pacing lifted)" : "published (emulator enforces them, orgform paces to them)",
    manifests: { files: org.files.length, bytes },
    desired: org.desired,
    memberships: org.memberships,
    peakMethod: worker.peakMethod,
    phases,
  };
  if (load && plan) {
    result.loadMBps = bytes / 2 ** 20 / (load.ms / 1000);
    result.loadValidatePlan = { ms: load.ms + plan.ms, peakRssMB: Math.max(load.peakRssMB, plan.peakRssMB, phases["fetch"]?.peakRssMB ?? 0) };
  }
  return result;
}

function vendorCalls(calls: LoggedRequest[], vendors: readonly Vendor[], minimum: Record<string, number> | undefined): Record<string, VendorCalls> {
  const out: Record<string, VendorCalls> = {};
  for (const v of vendors) {
    const mine = calls.filter((c) => c.vendor === v);
    const byPath: Record<string, number> = {};
    for (const c of mine) {
      const path = c.vendor === "o2oa" ? c.path.replace(/\/list\/.*$/, "/list/{flag}/next/{count}") : c.path;
      byPath[path] = (byPath[path] ?? 0) + 1;
    }
    const entry: VendorCalls = { calls: mine.length, byPath, failed: mine.filter(isFailure).length };
    const min = minimum?.[v];
    if (min !== undefined) {
      entry.minimum = min;
      entry.ratio = min === 0 ? (mine.length === 0 ? 1 : Infinity) : mine.length / min;
    }
    out[v] = entry;
  }
  return out;
}

/** A call the vendor did not carry out (HTTP error, or an error in the vendor's envelope). */
function isFailure(c: LoggedRequest): boolean {
  if (c.status === 0 || c.status >= 400) return true;
  return c.code !== undefined && c.code !== 0 && c.code !== 200 && c.code !== "success" && c.code !== "page" && typeof c.code === "number";
}

/**
 * The time the vendors' limits set for the calls of a phase, per vendor: the larger of
 * calls / tenant rate and, per API, calls / that API's rate (the rates the driver declares,
 * which are the published ones). Token calls are left out.
 */
function rateBound(calls: LoggedRequest[], limits: Limits, ms: number): Record<string, RateBound> {
  const out: Record<string, RateBound> = {};
  const vendors = new Set(calls.map((c) => c.vendor)).size;
  for (const vendor of new Set(calls.map((c) => c.vendor))) {
    const limit = limits[vendor];
    if (!limit) continue;
    const mine = calls.filter((c) => c.vendor === vendor && !/token|gettoken|authentication/.test(c.path));
    if (!mine.length) continue;
    let bound = (mine.length / limit.requestsPerSecond) * 1000;
    const perPath = new Map<string, number>();
    for (const c of mine) perPath.set(c.path, (perPath.get(c.path) ?? 0) + 1);
    for (const [path, n] of perPath) {
      const rate = limit.buckets?.[path];
      if (rate) bound = Math.max(bound, (n / rate) * 1000);
    }
    const span = Math.max(...mine.map((c) => c.end)) - Math.min(...mine.map((c) => c.start));
    // A phase that calls one vendor is timed whole; with several at once (fetch reads targets
    // side by side), each vendor's time is the span of its own calls.
    const time = vendors === 1 ? ms : span;
    const answerMs = mine.reduce((n, c) => n + (c.end - c.start), 0) / mine.length;
    out[vendor] = { calls: mine.length, boundMs: bound, ratio: time / bound, spanMs: span, answerMs, timedBy: vendors === 1 ? "phase" : "span of its calls" };
  }
  return out;
}

export function scaling(results: BenchResults): BenchResults["scaling"] {
  const out: NonNullable<BenchResults["scaling"]> = [];
  const pairs: [string, string][] = [
    ["1k", "10k"],
    ["10k", "100k"],
  ];
  for (const [a, b] of pairs) {
    const small = results.runs[a];
    const large = results.runs[b];
    if (!small || !large) continue;
    const resources = (r: RunResult) => Object.values(r.desired).reduce((n, v) => n + v, 0) + r.memberships.roles + r.memberships.punchGroups;
    const cold = (large.phases["plan"]?.ms ?? NaN) / (small.phases["plan"]?.ms ?? NaN);
    const warm = (large.phases["plan-warm"]?.ms ?? NaN) / (small.phases["plan-warm"]?.ms ?? NaN);
    out.push({ from: a, to: b, resourceRatio: resources(large) / resources(small), planTimeRatioCold: cold, planTimeRatioWarm: warm });
  }
  return out;
}

/** The commit measured, and whether src/ had changes not yet committed (read-only git calls). */

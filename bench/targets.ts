import { int, mb, ms } from "./format.js";
import type { BenchResults, RateBound } from "./report.js";

/** One line of the target list: what was measured against the goal. */
export interface Verdict {
  target: string;
  measured: string;
  goal: string;
  met: boolean | undefined;
}

const SIZE_RUNS = ["1k", "10k", "100k"];

/** The performance targets, each from figures of one run (ratios within a run where timings are noisy). */
export function verdicts(results: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const big = results.runs["100k"];
  const yamlMs = big?.phases["yaml"]?.ms;
  const loadMs = big?.phases["load"]?.ms;
  if (yamlMs !== undefined && loadMs !== undefined) {
    const yamlWarm = big?.phases["yaml-warm"]?.ms;
    const loadWarm = big?.phases["load-warm"]?.ms;
    const runs = (big?.phases["load-warm"]?.info["runs"] as number[] | undefined)?.length;
    const warm = yamlWarm !== undefined && loadWarm !== undefined ? `; warm (best of ${runs ?? "?"}): ${ms(loadWarm)} / ${ms(yamlWarm)} = ${(loadWarm / yamlWarm).toFixed(2)}×` : "";
    out.push({ target: `validate vs a bare js-yaml load of the same bytes, 100k (${((big?.manifests.bytes ?? 0) / 2 ** 20).toFixed(1)} MB)`, measured: `${ms(loadMs)} / ${ms(yamlMs)} = ${(loadMs / yamlMs).toFixed(2)}× cold${warm}`, goal: "≤ 1.25× (judged cold)", met: loadMs / yamlMs <= 1.25 });
  }
  if (big?.loadValidatePlan) {
    out.push({ target: "load+validate+plan, 100k org", measured: ms(big.loadValidatePlan.ms), goal: "≤ 1.5 s", met: big.loadValidatePlan.ms <= 1500 });
    out.push({ target: "peak RSS (load, fetch, plan), 100k org", measured: mb(big.loadValidatePlan.peakRssMB), goal: "≤ 1 GB", met: big.loadValidatePlan.peakRssMB <= 1024 });
  }
  const huge = results.runs["500k"];
  if (huge?.loadValidatePlan) {
    const write = huge.phases["write"];
    out.push({ target: "load+validate+plan, 500k persons, first plan (500k creates)", measured: ms(huge.loadValidatePlan.ms), goal: "≤ 8 s", met: huge.loadValidatePlan.ms <= 8000 });
    const peak = Math.max(huge.loadValidatePlan.peakRssMB, write?.peakRssMB ?? 0);
    out.push({ target: "peak RSS (load, fetch, plan, plan file), 500k", measured: mb(peak), goal: "≤ 2.5 GB", met: peak <= 2560 });
    if (write) out.push({ target: "JSON plan file, 500k (streamed)", measured: `${(Number(write.info["bytes"]) / 2 ** 20).toFixed(0)} MB, ${String(write.info["perAction"])} bytes per create, written in ${ms(write.ms)}`, goal: "streamed; smaller than 890 bytes per create", met: Number(write.info["perAction"]) < 890 });
    const small = results.runs["100k"]?.loadValidatePlan;
    if (small) out.push({ target: "load+validate+plan, 100k → 500k", measured: `${(huge.loadValidatePlan.ms / small.ms).toFixed(2)}×`, goal: "≤ 5.5×", met: huge.loadValidatePlan.ms / small.ms <= 5.5 });
  }
  const orgRuns = results.org;
  const o10 = orgRuns?.["10k"];
  const o100 = orgRuns?.["100k"];
  if (o100) out.push({ target: "org-model resolution, 100k people (directory + selectors + bindings)", measured: ms(o100.totalMs), goal: "≤ 0.3 s", met: o100.totalMs <= 300 });
  if (o10 && o100) {
    const growth = o100.totalMs / o10.totalMs / (o100.persons / o10.persons);
    out.push({ target: "org-model resolution 10k → 100k, time per person", measured: `${(o100.totalMs / o10.totalMs).toFixed(1)}× the time for 10× the people (${growth.toFixed(2)} per person)`, goal: "linear (≤ 1.25 per person)", met: growth <= 1.25 });
  }
  for (const s of results.scaling ?? []) {
    out.push({ target: `planner scaling ${s.from} → ${s.to} (${s.resourceRatio.toFixed(1)}× resources)`, measured: `${s.planTimeRatioCold.toFixed(1)}× cold, ${s.planTimeRatioWarm.toFixed(1)}× warm`, goal: "≤ 12×", met: s.planTimeRatioCold <= 12 && s.planTimeRatioWarm <= 12 });
  }
  for (const phase of ["fetch", "apply"]) {
    const worst: { ratio: number; where: string }[] = [];
    for (const s of SIZE_RUNS) {
      for (const [v, c] of Object.entries(results.runs[s]?.phases[phase]?.calls ?? {})) if (c.ratio !== undefined) worst.push({ ratio: c.ratio, where: `${s} ${v}` });
    }
    if (!worst.length) continue;
    const bad = worst.filter((w) => Math.abs(w.ratio - 1) > 1e-9);
    const max = worst.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    out.push({ target: `${phase} calls / minimum`, measured: bad.length ? bad.map((w) => `${w.where} ${w.ratio.toFixed(2)}`).join(", ") : `1.00 everywhere (max ${max.ratio.toFixed(2)})`, goal: "1.00", met: bad.length === 0 });
  }
  out.push(...rateVerdicts(results));
  return out;
}

/** Fetch (all targets in one plan, overlapping) and apply (one target at a time) at the published quotas. */
function rateVerdicts(results: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const rate = results.runs["rate"];
  if (!rate) return out;
  const fetch = rate.phases["fetch"];
  if (fetch?.rateBound) {
    const bounds = Object.entries(fetch.rateBound);
    for (const [vendor, b] of bounds) {
      out.push({ target: `plan (fetch) time / rate bound, ${vendor} (${int(b.calls)} calls)`, measured: `${ms(b.spanMs)} / ${ms(b.boundMs)} = ${b.ratio.toFixed(2)}${answered(b)}`, goal: "≤ 1.10", met: b.ratio <= 1.1 });
    }
    const slowest = Math.max(...bounds.map(([, b]) => b.boundMs));
    const sum = bounds.reduce((n, [, b]) => n + b.boundMs, 0);
    out.push({ target: "plan (fetch), all targets in one plan: wall time / slowest target's bound", measured: `${ms(fetch.ms)} / ${ms(slowest)} = ${(fetch.ms / slowest).toFixed(2)} (the bounds' sum would be ${ms(sum)}: targets overlap)`, goal: "≤ 1.10", met: fetch.ms / slowest <= 1.1 });
    out.push({ target: "calls refused for rate, fetch", measured: String(fetch.refusedForRate ?? 0), goal: "0", met: (fetch.refusedForRate ?? 0) === 0 });
  }
  for (const [name, p] of Object.entries(rate.phases)) {
    if (!name.startsWith("apply:")) continue;
    for (const [vendor, b] of Object.entries(p.rateBound ?? {})) {
      out.push({ target: `apply time / rate bound, ${vendor} (${int(b.calls)} calls)`, measured: `${ms(p.ms)} / ${ms(b.boundMs)} = ${b.ratio.toFixed(2)}${answered(b)}`, goal: "≤ 1.10", met: b.ratio <= 1.1 });
    }
    out.push({ target: `calls refused for rate, ${name}`, measured: String(p.refusedForRate ?? 0), goal: "0", met: (p.refusedForRate ?? 0) === 0 });
  }
  return out;
}

/** The emulator's mean answer time, which the rate guard adds to each second (see src/http/limiter.ts). */
function answered(b: RateBound): string {
  return b.answerMs === undefined ? "" : ` (answers took ${b.answerMs.toFixed(1)} ms on average)`;
}

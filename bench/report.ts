import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Drift, Shape } from "./generate.js";
import { int, mb, ms, ratio } from "./format.js";
import type { OrgResolutionRun } from "./org.js";
import type { PhaseMeasure } from "./protocol.js";
import { verdicts } from "./targets.js";

export interface VendorCalls {
  calls: number;
  byPath: Record<string, number>;
  failed: number;
  minimum?: number;
  ratio?: number;
}

export interface RateBound {
  calls: number;
  /** Calls / allowed rate: the larger of the tenant's and each API's. */
  boundMs: number;
  /** Measured time / bound. */
  ratio: number;
  /** From the first call's start to the last call's end, at the emulator. */
  spanMs: number;
  /** Mean time the emulator took to answer one call (start to end at the emulator). */
  answerMs?: number;
  timedBy: "phase" | "span of its calls";
}

export interface PhaseRecord extends PhaseMeasure {
  calls?: Record<string, VendorCalls>;
  refusedForRate?: number;
  /** CPU the benchmark process (the emulator) spent during the phase. */
  emulatorCpuMs?: number;
  rateBound?: Record<string, RateBound>;
  /** Limits-off runs: per vendor, the time the same calls take at the pace the driver declares. */
  pacingBoundMs?: Record<string, number>;
}

export interface RunResult {
  run: string;
  measuredAt?: string;
  /** The machine's 1-minute load average when the run started (other work skews timings; it includes the benchmark's previous run). */
  loadAverageBefore: number;
  source?: { commit: string; srcModified: boolean };
  shape: Shape;
  drift: Drift;
  vendors: string[];
  limits: string;
  manifests: { files: number; bytes: number };
  desired: Record<string, number>;
  memberships: { roles: number; punchGroups: number };
  peakMethod: string;
  phases: Record<string, PhaseRecord>;
  loadMBps?: number;
  loadValidatePlan?: { ms: number; peakRssMB: number };
}

export interface BenchResults {
  machine: { cpus: number; model: string; memoryGB: number; freeMemoryGB: number; node: string; os: string };
  runs: Record<string, RunResult>;
  scaling?: { from: string; to: string; resourceRatio: number; planTimeRatioCold: number; planTimeRatioWarm: number }[];
  /** Org-model resolution per directory size (the `org` run). */
  org?: Record<string, OrgResolutionRun & { measuredAt: string; loadAverageBefore: number }>;
}

const SIZE_RUNS = ["1k", "10k", "100k", "500k"];


function totals(record: { calls?: Record<string, VendorCalls> } | undefined): { calls: number; minimum: number } | undefined {
  if (!record?.calls) return undefined;
  const list = Object.values(record.calls);
  if (!list.length) return undefined;
  return { calls: list.reduce((n, c) => n + c.calls, 0), minimum: list.reduce((n, c) => n + (c.minimum ?? 0), 0) };
}

function peakOf(r: RunResult): number {
  return Math.max(...["load", "fetch", "plan", "render", "compile", "apply"].map((p) => r.phases[p]?.peakRssMB ?? 0));
}

function resources(r: RunResult): number {
  return Object.values(r.desired).reduce((n, v) => n + v, 0);
}

/** The table of phases per size, as markdown. */
function phaseTable(results: BenchResults): string[] {
  const rows = SIZE_RUNS.map((s) => results.runs[s]).filter((r): r is RunResult => r !== undefined);
  if (!rows.length) return [];
  const out = [
    "| size | objects / memberships | YAML | load+validate | fetch | plan (cold / warm) | render text / json / md | compile | apply | apply at the drivers' pacing ≥ | peak RSS | re-plan after apply |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows) {
    const p = r.phases;
    const render = p["render"]?.info as Record<string, { ms: number }> | undefined;
    const left = p["verify"]?.info["actionsLeft"];
    out.push(
      `| ${r.run} | ${int(resources(r))} / ${int(r.memberships.roles + r.memberships.punchGroups)} | ${(r.manifests.bytes / 2 ** 20).toFixed(1)} MB in ${r.manifests.files} files | ${ms(p["load"]?.ms)} (${(r.loadMBps ?? 0).toFixed(1)} MB/s) | ${ms(p["fetch"]?.ms)} | ${ms(p["plan"]?.ms)} / ${ms(p["plan-warm"]?.ms)} | ${ms(render?.["text"]?.ms)} / ${ms(render?.["json"]?.ms)} / ${ms(render?.["markdown"]?.ms)} | ${ms(p["compile"]?.ms)} | ${ms(p["apply"]?.ms)} | ${pacing(p["apply"]?.pacingBoundMs)} | ${mb(peakOf(r))} | ${left === undefined ? "–" : `${String(left)} actions`} |`,
    );
  }
  return out;
}

/** The slowest vendor at the pace its driver declares: the least time an apply can take at default limits. */
function pacing(bounds: Record<string, number> | undefined): string {
  const worst = Object.entries(bounds ?? {}).sort((a, b) => b[1] - a[1])[0];
  return worst ? `${ms(worst[1])} (${worst[0]})` : "–";
}

function rssTable(results: BenchResults): string[] {
  const rows = SIZE_RUNS.map((s) => results.runs[s]).filter((r): r is RunResult => r !== undefined);
  if (!rows.length) return [];
  const phases = ["load", "fetch", "plan", "render", "compile", "apply"];
  return ["| size | " + phases.join(" | ") + " |", "|---|" + phases.map(() => "---|").join(""), ...rows.map((r) => `| ${r.run} | ${phases.map((p) => mb(r.phases[p]?.peakRssMB)).join(" | ")} |`)];
}

/** Fetch and apply wait on the emulator: the CPU each side spent. */
function cpuTable(results: BenchResults): string[] {
  const rows = SIZE_RUNS.map((s) => results.runs[s]).filter((r): r is RunResult => r !== undefined);
  if (!rows.length) return [];
  const out = ["| size | fetch: wall / orgform CPU / emulator CPU | apply: wall / orgform CPU / emulator CPU |", "|---|---|---|"];
  for (const r of rows) {
    const cell = (p: PhaseRecord | undefined) => (p ? `${ms(p.ms)} / ${ms(p.cpuMs)} / ${ms(p.emulatorCpuMs)}` : "–");
    out.push(`| ${r.run} | ${cell(r.phases["fetch"])} | ${cell(r.phases["apply"])} |`);
  }
  return out;
}

/** Calls per vendor next to the minimum, for fetch and apply. */
function callTable(results: BenchResults): string[] {
  const rows = SIZE_RUNS.map((s) => results.runs[s]).filter((r): r is RunResult => r !== undefined);
  if (!rows.length) return [];
  const out = ["| size | vendor | fetch calls / minimum | ratio | apply calls / minimum | ratio | failed calls | refused for rate |", "|---|---|---|---|---|---|---|---|"];
  for (const r of rows) {
    for (const v of r.vendors) {
      const f = r.phases["fetch"]?.calls?.[v];
      const a = r.phases["apply"]?.calls?.[v];
      const refused = (r.phases["fetch"]?.refusedForRate ?? 0) + (r.phases["apply"]?.refusedForRate ?? 0);
      out.push(
        `| ${r.run} | ${v} | ${f ? `${int(f.calls)} / ${int(f.minimum ?? 0)}` : "–"} | ${ratio(f?.ratio)} | ${a ? `${int(a.calls)} / ${int(a.minimum ?? 0)}` : "–"} | ${ratio(a?.ratio)} | ${(f?.failed ?? 0) + (a?.failed ?? 0)} | ${refused} |`,
      );
    }
  }
  return out;
}

function rateTable(results: BenchResults): string[] {
  const r = results.runs["rate"];
  if (!r) return [];
  const out = ["| phase | vendor | calls | bound (calls / allowed rate) | measured | measured / bound | refused for rate |", "|---|---|---|---|---|---|---|"];
  for (const [name, p] of Object.entries(r.phases)) {
    for (const [vendor, b] of Object.entries(p.rateBound ?? {})) {
      out.push(`| ${name} | ${vendor} | ${int(b.calls)} | ${ms(b.boundMs)} | ${ms(b.timedBy === "phase" ? p.ms : b.spanMs)} | ${ratio(b.ratio)} | ${p.refusedForRate ?? 0} |`);
    }
  }
  return out;
}

function verdictTable(results: BenchResults): string[] {
  return ["| target | measured | goal | met |", "|---|---|---|---|", ...verdicts(results).map((v) => `| ${v.target} | ${v.measured} | ${v.goal} | ${v.met === undefined ? "–" : v.met ? "yes" : "**no**"} |`)];
}

/** The generated part of docs/performance.md. */
export function resultsSection(results: BenchResults): string {
  const m = results.machine;
  const dates = Object.values(results.runs)
    .map((r) => r.measuredAt?.slice(0, 10))
    .filter(Boolean);
  const commits = [...new Set(Object.values(results.runs).map((r) => (r.source ? `${r.source.commit}${r.source.srcModified ? " with uncommitted changes in src/" : ""}` : undefined)).filter(Boolean))];
  const load = Object.values(results.runs).map((r) => r.loadAverageBefore);
  const lines = [
    `Measured on ${m.cpus} cores (${m.model}), ${m.memoryGB} GB, Node ${m.node}, ${m.os}${dates.length ? `, ${[...new Set(dates)].join(", ")}` : ""}` +
      `${commits.length ? `, commit ${commits.join(", ")}` : ""}${load.length ? `; 1-minute load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} as the runs started` : ""}.`,
    "",
    "### Targets",
    "",
    ...verdictTable(results),
    "",
    "### Phases (vendor limits off)",
    "",
    ...phaseTable(results),
    "",
    "Peak RSS of the orgform process per phase:",
    "",
    ...rssTable(results),
    "",
    "Where fetch and apply spend their time (the emulator runs in the benchmark process, orgform in a worker):",
    "",
    ...cpuTable(results),
    "",
    "### Vendor calls",
    "",
    ...callTable(results),
    "",
  ];
  const rate = rateTable(results);
  if (rate.length) lines.push("### Fetch and apply under the published rate limits", "", ...rate, "");
  const org = Object.entries(results.org ?? {});
  if (org.length) lines.push("### Org-model resolution", "", "| people | departments / teams | items / member ids | directory | resolution | total |", "|---|---|---|---|---|---|", ...org.map(([, o]) => `| ${int(o.persons)} | ${int(o.departments)} / ${int(o.teams)} | ${int(o.items)} / ${int(o.members)} | ${ms(o.directoryMs)} | ${ms(o.resolveMs)} | ${ms(o.totalMs)} |`), "");
  return lines.join("\n");
}

const START = "<!-- bench:results:start (written by npm run bench) -->";
const END = "<!-- bench:results:end -->";

/** Replace the generated section of the document (or add one). */
export function writeDoc(file: string, results: BenchResults): void {
  const section = `${START}\n${resultsSection(results)}${END}`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n\n";
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  const next = at >= 0 && end > at ? `${text.slice(0, at)}${section}${text.slice(end + END.length)}` : `${text.trimEnd()}\n\n## Results\n\n${section}\n`;
  writeFileSync(file, next);
}

/** What the benchmark prints at the end. */
export function printReport(results: BenchResults, runs: string[]): string {
  const lines: string[] = ["", "orgform benchmark", "================="];
  for (const name of runs) {
    const r = results.runs[name];
    if (!r) continue;
    lines.push("", `${name}: ${int(resources(r))} objects, ${int(r.memberships.roles + r.memberships.punchGroups)} memberships, ${(r.manifests.bytes / 2 ** 20).toFixed(1)} MB of YAML; limits ${r.limits}`);
    lines.push(`  ${"phase".padEnd(22)}${"time".padStart(10)}${"peak RSS".padStart(10)}  vendor calls (calls/minimum)`);
    for (const [phase, p] of Object.entries(r.phases)) {
      if (phase.endsWith("-warm")) continue;
      const calls = p.calls
        ? Object.entries(p.calls)
            .filter(([, c]) => c.calls > 0 || c.minimum)
            .map(([v, c]) => `${v} ${c.calls}${c.minimum !== undefined ? `/${c.minimum}` : ""}`)
            .join(", ")
        : "";
      let extra = "";
      if (phase === "load") {
        const warm = r.phases["load-warm"] && r.phases["yaml-warm"] ? `; warm ${(r.phases["load-warm"].ms / r.phases["yaml-warm"].ms).toFixed(2)}×` : "";
        extra = `${(r.loadMBps ?? 0).toFixed(1)} MB/s${r.phases["yaml"] ? `, ${(p.ms / r.phases["yaml"].ms).toFixed(2)}× js-yaml alone${warm}` : ""}`;
      }
      if (phase === "write") extra = `${(Number(p.info["bytes"]) / 2 ** 20).toFixed(1)} MB, ${String(p.info["perAction"])} bytes per action`;
      if (phase === "plan") extra = `${String(p.info["actions"])} actions; warm ${ms(r.phases["plan-warm"]?.ms)}`;
      if (phase === "render") extra = Object.entries(p.info as Record<string, { ms: number; bytes: number }>).map(([f, x]) => `${f} ${ms(x.ms)} (${Math.round(x.bytes / 1024)} KB)`).join(", ");
      if (phase === "verify") extra = `${String(p.info["actionsLeft"])} actions left`;
      if (phase.startsWith("apply")) extra = JSON.stringify(p.info["status"]);
      if (p.rateBound) extra += Object.entries(p.rateBound).map(([v, b]) => ` ${v}: bound ${ms(b.boundMs)}, ×${b.ratio.toFixed(2)}`).join(";");
      if (p.refusedForRate) extra += ` REFUSED FOR RATE: ${p.refusedForRate}`;
      const t = totals(p);
      lines.push(`  ${phase.padEnd(22)}${ms(p.ms).padStart(10)}${mb(p.peakRssMB).padStart(10)}  ${[calls, t ? `total ${t.calls}${t.minimum ? `/${t.minimum}` : ""}` : "", extra].filter(Boolean).join("  ")}`);
    }
    const lvp = r.loadValidatePlan;
    if (lvp) lines.push(`  load+validate+plan: ${ms(lvp.ms)}, peak RSS ${mb(lvp.peakRssMB)}`);
  }
  lines.push("", "Targets:", ...verdicts(results).map((v) => `  ${v.met === undefined ? " " : v.met ? "ok  " : "MISS"} ${v.target}: ${v.measured} (goal ${v.goal})`));
  return `${lines.join("\n")}\n`;
}

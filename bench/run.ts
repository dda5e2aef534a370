import { execFileSync, fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { RunningEmulator } from "../src/emulator/server.js";
import { environment, generateOrg, REALISTIC_DRIFT, shapeFor, VENDORS, type Drift, type OrgOptions } from "./generate.js";
import { driverSizes, emulatorServer, orgform } from "./orgform.js";
import type { WorkerMessage, WorkerTask } from "./protocol.js";
import { orgResolution } from "./org.js";
import { printReport, writeDoc, type BenchResults } from "./report.js";
import { scaling, summarize, type PhaseLog } from "./summarize.js";

/**
 * `npm run bench [-- --size 1k|10k|100k|500k|org|rate] [--cpu-prof] [--keep] [--no-save]`
 *
 * For each size: generate the org, write its manifests, seed the in-process emulator with a
 * live state that differs by a few percent, and run orgform's phases in a worker process,
 * measuring each phase's wall time and peak RSS and, from the emulator's request log, the
 * vendor calls next to the fewest the drivers' page and batch sizes allow. The `rate` run
 * applies with the vendors' published rate limits on, to compare apply time with the bound
 * those limits set.
 */

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RESULTS = join(ROOT, "bench/results.json");
/** The build under test; ORGFORM_BENCH_DIST points at another one (to compare a candidate change). */
const DIST = process.env["ORGFORM_BENCH_DIST"] ?? join(ROOT, "dist");
const DOC = join(ROOT, "docs/performance.md");

const SIZES: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000, "500k": 500_000 };
/** What `npm run bench` runs; 500k (several minutes, a few GB) only when asked for. */
const ALL_RUNS = ["1k", "10k", "100k", "org", "rate"];
const KNOWN_RUNS = [...ALL_RUNS, "500k"];
/** The org-model resolution run: directories of these sizes. */
const ORG_SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000 };


interface Args {
  runs: string[];
  cpuProf: boolean;
  keep: boolean;
  /** Print only: leave bench/results.json and docs/performance.md as they are. */
  save: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: ALL_RUNS, cpuProf: false, keep: false, save: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--size") {
      const value = argv[++i] ?? "";
      if (!KNOWN_RUNS.includes(value)) throw new Error(`--size ${value}: expected one of ${KNOWN_RUNS.join(", ")}`);
      args.runs = [value];
    } else if (a?.startsWith("--size=")) {
      const value = a.slice("--size=".length);
      if (!KNOWN_RUNS.includes(value)) throw new Error(`--size ${value}: expected one of ${KNOWN_RUNS.join(", ")}`);
      args.runs = [value];
    } else if (a === "--cpu-prof") args.cpuProf = true;
    else if (a === "--keep") args.keep = true;
    else if (a === "--no-save") args.save = false;
    else throw new Error(`unknown argument ${a} (usage: npm run bench -- [--size ${KNOWN_RUNS.join("|")}] [--cpu-prof] [--keep] [--no-save])`);
  }
  return args;
}

/** The rate run: DingTalk and Jiandaoyun, whose limits are published, with many member changes. */
const RATE_DRIFT: Drift = { create: 0.05, delete: 0.03, update: 0, move: 0, members: 0.4, bigMembers: 0 };

function optionsFor(run: string): OrgOptions & { task: Omit<WorkerTask, "kind" | "dir" | "env"> } {
  if (run === "rate") {
    const shape = { ...shapeFor(30_000), roleGroups: 30, roles: 300, punchGroups: 300, membersPerRole: [50, 95] as [number, number], membersPerGroup: [50, 95] as [number, number] };
    return {
      shape,
      drift: RATE_DRIFT,
      vendors: ["dingtalk", "jiandaoyun"],
      unlimitedTargets: false,
      emulatorLimits: "published",
      task: { liftPacing: false, planRepeats: 0, verify: false, applyPerTarget: true },
    };
  }
  if (run === "500k") {
    // The largest employers' first plan: every person a create, against an empty tenant.
    return {
      shape: shapeFor(SIZES[run] as number),
      drift: { create: 1, delete: 0, update: 0, move: 0, members: 0, bigMembers: 0 },
      vendors: ["isdp"],
      unlimitedTargets: true,
      emulatorLimits: "off",
      personsPerFile: 50_000,
      task: { liftPacing: true, planRepeats: 0, verify: false, applyPerTarget: false, planOnly: true },
    };
  }
  return {
    shape: shapeFor(SIZES[run] as number),
    drift: REALISTIC_DRIFT,
    vendors: VENDORS,
    unlimitedTargets: true,
    emulatorLimits: "off",
    task: { liftPacing: true, planRepeats: 3, verify: true, applyPerTarget: false },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { startEmulator } = await emulatorServer();
  const sizes = await driverSizes();
  const limits = Object.fromEntries((await orgform()).drivers.map((d) => [d.name, d.limits]));
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as BenchResults) : undefined;
  const results: BenchResults = {
    machine: machine(),
    runs: { ...(previous?.runs ?? {}) },
  };
  if (previous?.org) results.org = previous.org;
  const profileDir = args.cpuProf ? mkdtempSync(join(tmpdir(), "orgform-bench-prof-")) : undefined;

  for (const run of args.runs) {
    if (run === "org") {
      process.stderr.write("\n== org: resolving the org model\n");
      results.org = {};
      for (const [name, n] of Object.entries(ORG_SIZES)) {
        results.org[name] = { ...(await orgResolution(n)), measuredAt: new Date().toISOString(), loadAverageBefore: loadavg()[0] ?? 0 };
        process.stderr.write(`   ${name}: ${results.org[name].totalMs.toFixed(0)} ms (directory ${results.org[name].directoryMs.toFixed(0)} ms, resolution ${results.org[name].resolveMs.toFixed(0)} ms)\n`);
      }
      if (args.save) writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
      continue;
    }
    const options = optionsFor(run);
    process.stderr.write(`\n== ${run}: generating the org\n`);
    const generated = timed(() => generateOrg(options));
    const org = generated.value;
    const dir = mkdtempSync(join(tmpdir(), `orgform-bench-${run}-`));
    for (const f of org.files) writeFileSync(join(dir, f.name), f.text);
    const bytes = org.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
    process.stderr.write(`   ${org.files.length} manifest files, ${(bytes / 2 ** 20).toFixed(1)} MB in ${dir} (${generated.ms.toFixed(0)} ms)\n`);
    const loadBefore = loadavg()[0] ?? 0;
    const seeded = performance.now();
    const emulator = await startEmulator({ state: org.state });
    process.stderr.write(`   emulator seeded in ${(performance.now() - seeded).toFixed(0)} ms at ${emulator.url}\n`);
    try {
      const phases = await runWorker({ kind: "task", dir, env: environment(emulator.url), ...options.task }, emulator, profileDir);
      results.runs[run] = summarize(run, options, org, bytes, phases, sizes, limits);
      results.runs[run].measuredAt = new Date().toISOString();
      results.runs[run].loadAverageBefore = loadBefore;
      results.runs[run].source = source();
    } finally {
      await emulator.close();
      if (!args.keep) rmSync(dir, { recursive: true, force: true });
    }
    // Keep what was measured so far, should a later size fail.
    if (args.save) writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  }

  results.scaling = scaling(results);
  process.stdout.write(printReport(results, args.runs));
  if (args.save) {
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    writeDoc(DOC, results);
    process.stdout.write(`\nWrote ${RESULTS} and the results table in ${DOC}.\n`);
  }
  if (profileDir) process.stdout.write(`CPU profiles of the worker: ${profileDir} (open in Chrome DevTools or speedscope).\n`);
}


/** Files of the worker: it runs on plain Node, without the TypeScript loader this process uses. */
const WORKER_SOURCES = ["worker.ts", "minimum.ts", "orgform.ts"];

/**
 * Compile the worker to JavaScript in a folder of its own. A loader such as tsx keeps a
 * thread with a heap of its own (about 50 MB here), which would count in every phase's RSS.
 */
function compileWorker(): string {
  const dir = mkdtempSync(join(tmpdir(), "orgform-bench-worker-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const file of WORKER_SOURCES) {
    const source = readFileSync(join(ROOT, "bench", file), "utf8");
    const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 }, fileName: file });
    writeFileSync(join(dir, file.replace(/\.ts$/, ".js")), out.outputText);
  }
  return join(dir, "worker.js");
}

/** Run the worker; between its phases, clear the request log and collect the calls of each. */
function runWorker(task: WorkerTask, emulator: RunningEmulator, profileDir: string | undefined): Promise<{ phases: PhaseLog; peakMethod: string }> {
  const script = compileWorker();
  const worker = fork(script, [], {
    execPath: process.execPath,
    // ORGFORM_BENCH_NODE_FLAGS: extra Node flags for the worker (--trace-gc, --max-old-space-size=...).
    // --expose-gc: the worker collects garbage before the warm planner runs (and only then).
    execArgv: ["--expose-gc", ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), ...(process.env["ORGFORM_BENCH_NODE_FLAGS"]?.split(/\s+/).filter(Boolean) ?? [])],
    env: { ...process.env, ORGFORM_BENCH_DIST: DIST },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  worker.on("exit", () => rmSync(dirname(script), { recursive: true, force: true }));
  const phases: PhaseLog = [];
  let cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    let finished = false;
    worker.on("message", (m: WorkerMessage) => {
      switch (m.kind) {
        case "begin":
          process.stderr.write(`   ${m.phase} ...`);
          emulator.requests.clear();
          cpu = process.cpuUsage();
          worker.send({ kind: "go" });
          break;
        case "end": {
          const used = process.cpuUsage(cpu);
          const calls = m.phase === "plan-warm" ? [] : [...emulator.requests.all()];
          phases.push({ phase: m.phase, measure: m.measure, calls, emulatorCpuMs: (used.user + used.system) / 1000 });
          if (m.phase !== "plan-warm") process.stderr.write(` ${m.measure.ms.toFixed(0)} ms (orgform CPU ${m.measure.cpuMs.toFixed(0)} ms, GC ${m.measure.gcMs.toFixed(0)} ms; emulator CPU ${(((used.user + used.system) / 1000)).toFixed(0)} ms), peak RSS ${m.measure.peakRssMB.toFixed(0)} MB${calls.length ? `, ${calls.length} calls` : ""}\n`);
          break;
        }
        case "done":
          finished = true;
          resolve({ phases, peakMethod: m.peakMethod });
          break;
        case "failed":
          finished = true;
          reject(new Error(`the worker failed:\n${m.message}`));
          break;
      }
    });
    worker.on("exit", (code) => {
      if (!finished) reject(new Error(`the worker exited with code ${code} before it was done`));
    });
    worker.send(task);
  });
}

function source(): { commit: string; srcModified: boolean } | undefined {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return { commit: git("rev-parse", "--short", "HEAD"), srcModified: git("status", "--porcelain", "--", "src").length > 0 };
  } catch {
    return undefined;
  }
}

function machine(): BenchResults["machine"] {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model ?? "unknown",
    memoryGB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGB: Math.round(freemem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

main().catch((err: unknown) => {
  process.stderr.write(`\nbenchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});

import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import type { ActionResult } from "../src/model/result.js";
import { applyMinimum } from "./minimum.js";
import { driverSizes, jsYaml, orgform } from "./orgform.js";
import type { ParentMessage, PhaseMeasure, WorkerMessage, WorkerTask } from "./protocol.js";

/**
 * Runs orgform's phases in a process of its own, so that its memory is measured apart from
 * the emulator's and from the generator's. Before each phase it asks the benchmark to clear
 * the emulator's request log, and after it reports time and peak memory.
 */

const inbox: ParentMessage[] = [];
let waiting: ((m: ParentMessage) => void) | undefined;
process.on("message", (m: ParentMessage) => {
  if (waiting) {
    const w = waiting;
    waiting = undefined;
    w(m);
  } else inbox.push(m);
});

function receive(): Promise<ParentMessage> {
  const m = inbox.shift();
  if (m) return Promise.resolve(m);
  return new Promise((resolve) => (waiting = resolve));
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** Peak RSS per phase: Linux keeps a high-water mark that a process may reset for itself. */
const peak = (() => {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    readFileSync("/proc/self/status", "utf8");
    return {
      method: "VmHWM (reset per phase)",
      reset: () => writeFileSync("/proc/self/clear_refs", "5"),
      readMB: () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) / 1024,
    };
  } catch {
    return { method: "maxRSS since start (no per-phase reset here)", reset: () => undefined, readMB: () => process.resourceUsage().maxRSS / 1024 };
  }
})();

/** Garbage-collection pauses, summed per phase. */
let gcMs = 0;
const gc = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gc.observe({ entryTypes: ["gc"] });
/** GC entries arrive a turn of the event loop after the pause: let them in first. */
async function takeGc(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  for (const e of gc.takeRecords()) gcMs += e.duration;
  const total = gcMs;
  gcMs = 0;
  return total;
}

async function phase<T>(name: string, work: () => T | Promise<T>, info: (value: T) => Record<string, unknown> = () => ({})): Promise<T> {
  send({ kind: "begin", phase: name });
  const go = await receive();
  if (go.kind !== "go") throw new Error(`expected go, got ${go.kind}`);
  await takeGc();
  peak.reset();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const gcPauseMs = await takeGc();
  const peakRssMB = peak.readMB();
  const mem = process.memoryUsage();
  const measure: PhaseMeasure = { ms, cpuMs: (used.user + used.system) / 1000, gcMs: gcPauseMs, peakRssMB, rssMB: mem.rss / 2 ** 20, heapUsedMB: mem.heapUsed / 2 ** 20, info: info(value) };
  send({ kind: "end", phase: name, measure });
  return value;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

async function run(task: WorkerTask): Promise<void> {
  const o = await orgform();
  const sizes = await driverSizes();
  if (task.liftPacing) for (const d of o.drivers) d.limits.buckets = {};
  const retry = o.defaultRetryPolicy();

  // The baseline for validate: js-yaml alone on the same bytes, in the same process and run.
  const yaml = await jsYaml();
  const bareParse = () => {
    let documents = 0;
    for (const name of readdirSync(task.dir).filter((f) => f.endsWith(".yaml")).sort()) documents += yaml.loadAll(readFileSync(join(task.dir, name), "utf8")).length;
    return documents;
  };
  await phase("yaml", bareParse, (documents) => ({ documents }));
  const manifests = await phase(
    "load",
    () => o.loadManifests([task.dir], { env: task.env }),
    (m) => {
      const bytes = m.files.reduce((n, f) => n + statSync(f).size, 0);
      return { files: m.files.length, bytes, resources: m.desired.length, targets: m.targets.length };
    },
  );

  const scope = o.scopeFor(o.selectScope(manifests), manifests.desired);
  const state = await phase(
    "fetch",
    () => o.readLive(manifests.targets, scope, { retry }),
    (s) => ({ live: Object.fromEntries([...s.live].map(([t, l]) => [t, l.length])) }),
  );

  const outcome = await phase(
    "plan",
    () => o.makePlan(manifests, state.live, state.scope, state.facts),
    (p) => ({
      actions: p.plan.actions.length,
      summary: p.plan.summary,
      byKind: countBy(p.plan.actions, (a) => `${a.kind} ${a.op}`),
      problems: p.problems.length,
      firstProblems: p.problems.slice(0, 5).map((d) => d.message),
      safe: p.plan.safety.ok,
      violations: p.plan.safety.violations.map((v) => v.message),
    }),
  );
  const plan = outcome.plan;
  const planFile = join(task.dir, "plan.json");
  await phase(
    "write",
    () => o.writePlanFile(planFile, plan),
    () => ({ bytes: statSync(planFile).size, perAction: Math.round(statSync(planFile).size / Math.max(1, plan.actions.length)) }),
  );
  rmSync(planFile, { force: true });
  if (task.planOnly) {
    send({ kind: "done", peakMethod: peak.method });
    return;
  }
  await phase(
    "render",
    () => {
      const text = timed(() => o.renderText(plan));
      const json = timed(() => o.renderJson(plan));
      const markdown = timed(() => o.renderMarkdown(plan));
      return { text, json, markdown };
    },
    (r) =>
      Object.fromEntries(
        Object.entries(r).map(([format, { value, ms }]) => [format, { ms, bytes: Buffer.byteLength(value) }]),
      ),
  );

  const ops = await phase(
    "compile",
    () => o.operationsFor(plan, state),
    (list) => ({
      operations: list.length,
      requests: list.reduce((n, op) => n + op.requests.length, 0),
      minimum: applyMinimum(plan.actions, sizes),
    }),
  );

  const groups = task.applyPerTarget ? [...new Set(ops.map((op) => op.target))].sort().map((t) => [t]) : [undefined];
  for (const targets of groups) {
    const mine = targets ? ops.filter((op) => targets.includes(op.target)) : ops;
    await phase(targets ? `apply:${targets.join(",")}` : "apply", () => o.executeOperations(mine, state), (results) => resultInfo(results));
  }

  if (task.verify) {
    await phase(
      "verify",
      async () => {
        const again = await o.readLive(manifests.targets, scope, { retry });
        return o.makePlan(manifests, again.live, again.scope, again.facts);
      },
      (p) => ({ actionsLeft: p.plan.actions.length, left: p.plan.actions.slice(0, 5).map((a) => `${a.op} ${a.id}`) }),
    );
  }
  // Warm runs of the same plan, for the planner's scaling apart from start-up effects: last, so
  // that the heap they grow does not count in the other phases' memory, and each after a full
  // collection, so that garbage left by earlier phases is not charged to them.
  const warm: number[] = [];
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < task.planRepeats; i++) {
    collect?.();
    warm.push(timed(() => o.makePlan(manifests, state.live, state.scope, state.facts)).ms);
  }
  if (warm.length) send({ kind: "end", phase: "plan-warm", measure: { ms: Math.min(...warm), cpuMs: 0, gcMs: 0, peakRssMB: 0, rssMB: 0, heapUsedMB: 0, info: { runs: warm } } });
  // Warm runs of the bare parse and of load, alternating, for validate's cost per byte apart
  // from what a process pays once (compiling the parser and the schemas, starting threads).
  const warmYaml: number[] = [];
  const warmLoad: number[] = [];
  for (let i = 0; i < task.planRepeats; i++) {
    collect?.();
    warmYaml.push(timed(bareParse).ms);
    collect?.();
    warmLoad.push(timed(() => o.loadManifests([task.dir], { env: task.env })).ms);
  }
  for (const [phase, runs] of [["yaml-warm", warmYaml], ["load-warm", warmLoad]] as const) {
    if (runs.length) send({ kind: "end", phase, measure: { ms: Math.min(...runs), cpuMs: 0, gcMs: 0, peakRssMB: 0, rssMB: 0, heapUsedMB: 0, info: { runs } } });
  }
  send({ kind: "done", peakMethod: peak.method });
}

function resultInfo(results: ActionResult[]): Record<string, unknown> {
  const failed = results.filter((r) => r.status !== "done");
  return {
    actions: results.length,
    status: countBy(results, (r) => r.status),
    firstFailures: failed.slice(0, 5).map((r) => `${r.status} ${r.id}: ${r.code ?? ""} ${r.message ?? ""}`),
  };
}

function countBy<T>(list: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of list) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

receive()
  .then(async (task) => {
    if (task.kind !== "task") throw new Error("expected a task");
    await run(task);
  })
  .catch((err: unknown) => {
    const e = err as { message?: string; diagnostics?: { message: string; source?: { file: string; line: number } }[] };
    const details = e.diagnostics?.slice(0, 5).map((d) => `${d.source?.file ?? ""}:${d.source?.line ?? ""} ${d.message}`) ?? [];
    send({ kind: "failed", message: [err instanceof Error ? (err.stack ?? err.message) : String(err), ...details].join("\n") });
  })
  .finally(() => {
    process.disconnect?.();
  });

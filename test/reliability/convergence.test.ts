import { describe, expect, it } from "vitest";
import type { RetryPolicy } from "../../src/http/retry.js";
import { findKind } from "../../src/drivers/registry.js";
import { seededRandom } from "../../src/emulator/faults.js";
import type { LoggedRequest } from "../../src/emulator/request-log.js";
import { planRun } from "../../src/engine/plan-run.js";
import { createHttpSender } from "../../src/http/sender.js";
import { loadManifests } from "../../src/manifest/load.js";
import { fieldSpecOf } from "../../src/model/kind.js";
import type { Action, Plan } from "../../src/model/plan.js";
import { resourceId, type LiveResource } from "../../src/model/resource.js";
import type { ActionResult } from "../../src/model/result.js";
import { applySession, emulatorWith, FAST_RETRY, type PlanSession, type TestEmulator } from "../helpers/orgform.js";
import { dingtalkScenario } from "./scenarios/dingtalk.js";
import { isdpScenario } from "./scenarios/isdp.js";
import { jiandaoyunScenario } from "./scenarios/jiandaoyun.js";
import { o2oaScenario } from "./scenarios/o2oa.js";
import { byIdentity, type Scenario, type Touch } from "./scenarios/scenario.js";
import { xinrenxinshiScenario } from "./scenarios/xinrenxinshi.js";

/**
 * Issue 8, part 2. For each driver: plan a large change, apply it while one vendor call in ten
 * fails transiently, and check that every result told the truth, that nothing outside the plan
 * was deleted or removed, and that a second apply without faults converges.
 */
const SCENARIOS: Scenario[] = [dingtalkScenario, isdpScenario, jiandaoyunScenario, o2oaScenario, xinrenxinshiScenario];
/**
 * Fixed seeds, so a failure can be repeated. With two attempts per call most faults are retried
 * away; under these seeds every driver's first apply still ends with some actions failed.
 */
const SEEDS = [8, 14, 34];
const TRANSIENT = ["http500", "timeout", "reset", "ratelimit", "tokenExpired", "busy"];

/** Few attempts and a short timeout, so that some actions really fail under the faults. */
function faultyConnections(seed: number) {
  const retry: RetryPolicy = { ...FAST_RETRY, attempts: 2, random: seededRandom(seed) };
  return { sender: createHttpSender({ timeoutMs: 300 }), retry };
}

/** Each create, update and delete counts once, and so does each set member added or removed. */
function changeCount(plan: Plan): number {
  return plan.actions.length + plan.summary.add + plan.summary.remove;
}

interface Run {
  seed: number;
  plan: Plan;
  results: ActionResult[];
  before: LiveResource[];
  after: LiveResource[];
  calls: LoggedRequest[];
  left: Plan;
}

async function setFaults(emulator: TestEmulator, config: unknown): Promise<void> {
  const res = await fetch(`${emulator.url}/_emulator/faults`, { method: config ? "PUT" : "DELETE", body: config ? JSON.stringify(config) : undefined });
  expect(res.status).toBe(200);
}

const liveOf = (session: PlanSession) => [...session.state.live.values()].flat();

/**
 * Plan, apply under faults, plan again and hand the run to `check`; then apply what is left
 * without faults, which must all succeed, after which nothing is left.
 */
async function converge(scenario: Scenario, seed: number, check: (run: Run) => void): Promise<Run> {
  const emulator = await emulatorWith(scenario.state);
  try {
    const manifests = loadManifests([scenario.manifests(emulator.url)], { env: scenario.env });
    const first = await planRun({ manifests, connect: faultyConnections(seed) });
    expect(first.problems).toEqual([]);
    expect(changeCount(first.plan)).toBeGreaterThanOrEqual(200);
    emulator.clearCalls();

    await setFaults(emulator, { probability: 0.1, seed, kinds: TRANSIENT });
    const results = await applySession(first);
    await setFaults(emulator, undefined);
    const calls = [...emulator.calls()];

    const second = await planRun({ manifests, connect: { retry: FAST_RETRY } });
    expect(second.problems).toEqual([]);
    const run: Run = { seed, plan: first.plan, results, before: liveOf(first), after: liveOf(second), calls, left: second.plan };
    check(run);

    const rerun = await applySession(second);
    expect(rerun.filter((r) => r.status !== "done")).toEqual([]);
    const third = await planRun({ manifests, connect: { retry: FAST_RETRY } });
    expect(third.plan.actions).toEqual([]);
    return run;
  } finally {
    await emulator.close();
  }
}

/** Every result is final, and exactly the actions not reported done are left to do. */
function checkTruthful(run: Run): void {
  expect(run.results.map((r) => r.id).sort()).toEqual(run.plan.actions.map((a) => a.id).sort());
  for (const r of run.results) {
    expect(["done", "failed", "skipped"]).toContain(r.status);
    if (r.status !== "done") expect(r.message, r.id).toBeTruthy();
  }
  const notDone = run.results.filter((r) => r.status !== "done").map((r) => r.id).sort();
  expect(run.left.actions.map((a) => a.id).sort()).toEqual(notDone);
}

/** Set fields of a live object (by the kind's field specs), as field → members. */
function setFields(resource: LiveResource): [string, string[]][] {
  const spec = findKind(resource.kind);
  return Object.entries(resource.fields).filter(
    (e): e is [string, string[]] => spec !== undefined && fieldSpecOf(spec.fields, e[0])?.type === "set" && Array.isArray(e[1]),
  );
}

/** The plan's action on a live object: by its key, or by the key it is renamed from. */
function actionOn(plan: Plan, resource: LiveResource): Action | undefined {
  return plan.actions.find((a) => a.target === resource.target && a.kind === resource.kind && (a.renamedFrom ?? a.key) === resource.key);
}

/** What the action removes from a set field: some members, or (`whole`) the field itself. */
function removedBy(action: Action | undefined, field: string): { whole: boolean; members: Set<string> } {
  const members = new Set(action?.changes.find((c) => c.field === field)?.remove ?? []);
  // `duty.<name>` goes as a whole when the action removes `<name>` from a set of names.
  const dot = field.indexOf(".");
  const whole = dot > 0 && (action?.changes.some((c) => c.remove?.includes(field.slice(dot + 1))) ?? false);
  return { whole, members };
}

/** Nothing the plan did not delete is gone; no member the plan did not remove is gone. */
function checkNothingLost(scenario: Scenario, run: Run): void {
  for (const before of run.before) {
    const action = actionOn(run.plan, before);
    if (action?.op === "delete") continue;
    const after = byIdentity(scenario, run.after, before.kind, scenario.identity(before));
    expect(after, `${resourceId(before.target, before.kind, before.key)} disappeared`).toBeDefined();
    if (!after) continue;
    for (const [field, members] of setFields(before)) {
      const removed = removedBy(action, field);
      if (removed.whole) continue;
      const now = new Set((after.fields[field] as string[] | undefined) ?? []);
      const lost = members.filter((m) => !now.has(m) && !removed.members.has(m));
      expect(lost, `${after.key} ${field}`).toEqual([]);
    }
  }
}

/** Every write the emulator received names an action of the plan and stays inside its changes. */
function checkCallsInsidePlan(scenario: Scenario, run: Run): void {
  const known = { before: run.before, after: run.after };
  const resolve = (t: Touch): Action | undefined => {
    if (t.key !== undefined) return run.plan.actions.find((a) => a.kind === t.kind && a.key === t.key);
    const old = byIdentity(scenario, run.before, t.kind, t.identity ?? "");
    if (old) return actionOn(run.plan, old);
    // An object this apply created: it must be one the plan creates.
    const made = byIdentity(scenario, run.after, t.kind, t.identity ?? "");
    return made && run.plan.actions.find((a) => a.kind === t.kind && a.key === made.key && a.op === "create");
  };
  for (const call of run.calls) {
    for (const touch of scenario.touches(call, known)) {
      const what = `${call.method} ${call.path} ${JSON.stringify(call.body).slice(0, 200)}`;
      const action = resolve(touch);
      expect(action, `${what}: no action of the plan`).toBeDefined();
      if (!action) continue;
      expect(touch.op === action.op || (touch.op === "update" && action.op === "create"), `${what}: ${touch.op} for a planned ${action.op}`).toBe(true);
      for (const [field, members] of Object.entries(touch.remove ?? {})) {
        const planned = removedBy(action, field);
        expect(planned.whole ? [] : members.filter((m) => !planned.members.has(m)), `${what}: removes from ${field}`).toEqual([]);
      }
      for (const [field, members] of Object.entries(touch.add ?? {})) {
        const planned = new Set(action.changes.find((c) => c.field === field)?.add ?? []);
        expect(members.filter((m) => !planned.has(m)), `${what}: adds to ${field}`).toEqual([]);
      }
    }
  }
}

describe.each(SCENARIOS.map((s) => [s.driver, s] as const))("%s under transient faults", (_driver, scenario) => {
  const runs: Run[] = [];

  it.concurrent.each(SEEDS)("seed %i: truthful results, nothing lost, converges on the second apply", { timeout: 60_000 }, async (seed) => {
    const run = await converge(scenario, seed, (r) => {
      expect(r.calls.some((c) => String(c.code).startsWith("fault:"))).toBe(true);
      checkTruthful(r);
      checkNothingLost(scenario, r);
      checkCallsInsidePlan(scenario, r);
    });
    runs.push(run);
  });

  it("left work for the second apply in at least one seed", () => {
    expect(runs).toHaveLength(SEEDS.length);
    expect(runs.some((r) => r.results.some((x) => x.status === "failed"))).toBe(true);
  });
});

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
import { SCENARIOS } from "./scenarios/all.js";
import { byIdentity, type Scenario, type Touch } from "./scenarios/scenario.js";

/**
 * For each driver: plan a large change, apply it while one vendor call in ten fails (transient
 * faults, and calls the vendor carries out whose answer is lost), and check that every result
 * told the truth, that nothing outside the plan was deleted or removed, that nothing was
 * created twice, and that a second apply without faults converges.
 *
 * Fixed seeds, so a failure can be repeated. With two attempts per call most faults are retried
 * away; under these seeds every driver's first apply still leaves some actions not done.
 */
const SEEDS = [8, 14];
const FAULTS = ["http500", "timeout", "reset", "ratelimit", "tokenExpired", "busy", "lost"];

/**
 * Few attempts and a short timeout, so that some actions really fail under the faults (600 ms:
 * long enough for a healthy call while ten runs share a busy machine).
 */
function faultyConnections(seed: number) {
  const retry: RetryPolicy = { ...FAST_RETRY, attempts: 2, random: seededRandom(seed) };
  return { sender: createHttpSender({ timeoutMs: 600 }), retry };
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

    const twiceBefore = heldTwice(emulator);
    await setFaults(emulator, { probability: 0.1, seed, kinds: FAULTS });
    const results = await applySession(first);
    await setFaults(emulator, undefined);
    const calls = [...emulator.calls()];
    expect(heldTwice(emulator), `seed ${seed}: objects or members held twice`).toEqual(twiceBefore);

    const second = await planRun({ manifests, connect: { retry: FAST_RETRY } });
    expect(second.problems).toEqual([]);
    const run: Run = { seed, plan: first.plan, results, before: liveOf(first), after: liveOf(second), calls, left: second.plan };
    check(run);

    const rerun = await applySession(second);
    expect(rerun.filter((r) => r.status !== "done")).toEqual([]);
    const third = await planRun({ manifests, connect: { retry: FAST_RETRY } });
    expect(third.plan.actions).toEqual([]);
    expect(heldTwice(emulator)).toEqual(twiceBefore);
    return run;
  } finally {
    await emulator.close();
  }
}

/** How each emulator names its objects, and the lists inside them whose entries must be unique. */
const IDENTITIES: Record<string, Record<string, { key: (o: Record<string, unknown>) => string; lists?: string[] }>> = {
  dingtalk: { punchGroups: { key: (o) => String(o["punch_group_id"]), lists: ["members"] } },
  isdp: { persons: { key: (o) => String(o["personCode"]).replace(/@hw$/, "") } },
  jiandaoyun: { roleGroups: { key: (o) => String(o["name"]) }, roles: { key: (o) => `${String(o["group_no"])}/${String(o["name"])}`, lists: ["members"] } },
  o2oa: { units: { key: (o) => String(o["unique"]) } },
  xinrenxinshi: { departments: { key: (o) => `${String(o["code"])}:${String(o["status"] ?? "")}` } },
};

/** Every object (by its vendor name) or list entry the emulator holds more than once. */
function heldTwice(emulator: TestEmulator): string[] {
  const out: string[] = [];
  const counts = (values: string[], where: string) => {
    const seen = new Map<string, number>();
    for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
    for (const [v, n] of seen) if (n > 1) out.push(`${where} ${v} ×${n}`);
  };
  for (const [vendor, collections] of Object.entries(IDENTITIES)) {
    const state = emulator.vendor(vendor).getState() as Record<string, Record<string, unknown>[] | undefined>;
    for (const [name, { key, lists }] of Object.entries(collections)) {
      const objects = state[name] ?? [];
      counts(objects.map(key), `${vendor}.${name}`);
      for (const o of objects) for (const list of lists ?? []) counts(((o[list] as unknown[] | undefined) ?? []).map((m) => JSON.stringify(m)), `${vendor}.${name} ${key(o)}.${list}`);
    }
  }
  return out.sort();
}

/**
 * Every result is final and true: an action reported done is not left to do, one reported
 * failed or skipped is; `unknown` is allowed only where an answer was lost, and may go either way.
 */
function checkTruthful(run: Run): void {
  expect(run.results.map((r) => r.id).sort()).toEqual(run.plan.actions.map((a) => a.id).sort());
  for (const r of run.results) {
    expect(["done", "failed", "skipped", "unknown"]).toContain(r.status);
    if (r.status !== "done") expect(r.message, r.id).toBeTruthy();
    if (r.status === "unknown") expect(r.message, r.id).toMatch(/answer.* was lost/);
  }
  const left = new Set(run.left.actions.map((a) => a.id));
  const untrue = run.results.filter((r) => (r.status === "done" ? left.has(r.id) : r.status !== "unknown" && !left.has(r.id)));
  expect(untrue.map((r) => `${r.id} reported ${r.status}: ${r.message ?? ""}`)).toEqual([]);
  const notDone = new Set(run.results.filter((r) => r.status !== "done").map((r) => r.id));
  expect([...left].filter((id) => !notDone.has(id))).toEqual([]);
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

describe("convergence under faults", () => {
  it.concurrent.each(SCENARIOS.map((s) => [s.driver, s] as const))(
    `%s, seeds ${SEEDS.join(", ")}: truthful results, nothing lost or made twice, converges on the second apply`,
    { timeout: 90_000 },
    async (_driver, scenario) => {
      const runs = await Promise.all(
        SEEDS.map((seed) =>
          converge(scenario, seed, (r) => {
            expect(r.calls.some((c) => String(c.code).startsWith("fault:")), `seed ${seed}: no fault injected`).toBe(true);
            checkTruthful(r);
            checkNothingLost(scenario, r);
            checkCallsInsidePlan(scenario, r);
          }),
        ),
      );
      // The faults bite: at least one seed leaves work for the second apply.
      expect(runs.some((r) => r.results.some((x) => x.status !== "done"))).toBe(true);
    },
  );
});

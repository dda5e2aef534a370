import type { Manifests } from "../manifest/load.js";
import type { Diagnostic, FetchScope, Plan, PlanSelection, PlanTarget } from "../model/plan.js";
import { PLAN_FORMAT_VERSION } from "../model/plan.js";
import type { LiveResource } from "../model/resource.js";
import type { TargetConfig } from "../model/target.js";
import { matchAll, plan } from "../planner/planner.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";
import { fingerprint } from "./fingerprint.js";
import { ORGFORM_VERSION } from "./version.js";
import { peopleInChanges } from "./people.js";

/** A plan and the vendor rules it breaks; a plan with problems must not be applied. */
export interface PlannedChanges {
  plan: Plan;
  problems: Diagnostic[];
}

/** Manifests + live state → the plan (driver checks run on the planner's matches). */
export function makePlan(
  manifests: Manifests,
  live: Map<string, LiveResource[]>,
  scope: Map<string, FetchScope[]>,
  facts: ReadonlyMap<string, ReadonlyMap<string, unknown>> = new Map(),
  lookup: DriverLookup = shippedDrivers,
  selection: PlanSelection = { targets: [], kinds: [] },
): PlannedChanges {
  const pairs = [...scope].flatMap(([target, kinds]) => kinds.map((k) => ({ target, kind: k.kind })));
  const kindsOf = new Map([...scope].map(([target, kinds]) => [target, new Set(kinds.map((k) => k.kind))]));
  const allLive = [...live.values()].flat();
  const desired = manifests.desired.filter((d) => kindsOf.get(d.target)?.has(d.kind) === true);
  const policies = Object.fromEntries(manifests.targets.map((t) => [t.name, t.policy]));
  const input = { desired, live: allLive, kinds: lookup.kinds(), policies, scope: pairs };
  const matched = matchAll(input);
  const problems: Diagnostic[] = [];
  const result = plan(input, matched);
  for (const t of manifests.targets) {
    const driver = lookup.driver(t.driver);
    if (!driver?.check || !scope.has(t.name)) continue;
    const matches = matched.filter((m) => m.target === t.name).flatMap((m) => m.kind.matches);
    const deletes = result.actions.filter((a) => a.target === t.name && a.op === "delete");
    problems.push(...driver.check(matches, live.get(t.name) ?? [], facts.get(t.name) ?? new Map(), deletes));
  }
  problems.push(...result.problems);
  const targets = manifests.targets
    .filter((t) => scope.has(t.name))
    .map((t) => planTarget(t, scope.get(t.name) ?? [], live.get(t.name) ?? []))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const made: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    orgformVersion: ORGFORM_VERSION,
    selection,
    targets,
    actions: result.actions,
    summary: result.summary,
    safety: result.safety,
  };
  const people = manifests.org ? peopleInChanges(manifests.org, result.actions) : {};
  if (Object.keys(people).length) made.people = people;
  const notes = (manifests.notes ?? []).filter((n) => scope.has(n.slice("target ".length, n.indexOf(":"))));
  if (notes.length) made.notes = notes;
  return { plan: made, problems };
}

function planTarget(t: TargetConfig, scope: FetchScope[], live: LiveResource[]): PlanTarget {
  const out: PlanTarget = {
    name: t.name,
    driver: t.driver,
    endpoint: t.endpointRef ?? t.endpoint,
    credentials: t.credentialRefs,
    scope,
    fingerprint: "",
  };
  // Worked out the first time something reads it (a plan file, a saved plan's check): printing
  // a plan does not need it, and at 100 000 objects it costs a third of planning. The objects it
  // covers are fixed now; the value is the same whenever it is read.
  const objects = [...live];
  let known: string | undefined;
  Object.defineProperty(out, "fingerprint", { enumerable: true, get: () => (known ??= fingerprint(objects)) });
  if (t.limits) out.limits = t.limits;
  return out;
}

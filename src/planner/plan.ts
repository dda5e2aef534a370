import { can, fieldSpecOf, hasSetFields, reasonOf, type KindModel } from "../model/kind.js";
import type { Action, Diagnostic, PlanSummary, SafetyViolation } from "../model/plan.js";
import { effectivePolicy, type EffectivePolicy, type TargetPolicy } from "../model/policy.js";
import { resourceId, type DesiredResource, type LiveResource } from "../model/resource.js";
import { createChanges, diffFields } from "./diff.js";
import { globToRegExp, matchesAny } from "./glob.js";
import { orderActions } from "./order.js";
import { checkSafety, type KindTally } from "./safety.js";

export interface PlanInput {
  desired: DesiredResource[];
  live: LiveResource[];
  kinds: ReadonlyMap<string, KindModel>;
  /** Per target. */
  policies: Readonly<Record<string, TargetPolicy | undefined>>;
  /** The (target, kind) pairs that were read; only these are planned. */
  scope: { target: string; kind: string }[];
}

export interface PlanResult {
  actions: Action[];
  summary: PlanSummary;
  safety: { ok: boolean; violations: SafetyViolation[] };
  /** Changes the vendor would refuse, found before apply. A plan with problems is not applied. */
  problems: Diagnostic[];
}

/** The pure diff: same input, same plan. */
export function plan(input: PlanInput): PlanResult {
  const actions: Action[] = [];
  const problems: Diagnostic[] = [];
  const tallies: KindTally[] = [];
  const scope = [...input.scope].sort((a, b) => cmp(`${a.target}\u0000${a.kind}`, `${b.target}\u0000${b.kind}`));
  const desiredByPair = groupByPair(input.desired);
  const liveByPair = groupByPair(input.live);
  for (const { target, kind } of scope) {
    const model = input.kinds.get(kind);
    if (!model) continue;
    const policy = effectivePolicy(input.policies[target], kind);
    const desired = desiredByPair.get(pairKey(target, kind)) ?? [];
    const live = liveByPair.get(pairKey(target, kind)) ?? [];
    const result = planKind(model, policy, desired, live);
    for (const a of result.actions) actions.push(a); // a spread would overflow the stack past ~100k
    problems.push(...result.problems);
    tallies.push({ target, kind, policy, existing: result.existing, existingMembers: result.existingMembers, desired: desired.filter((d) => !d.absent).length });
  }
  // Actions are put in a stable order by orderActions; problems by their text.
  const ordered = orderActions(actions, input.live, input.kinds);
  problems.push(...ordered.problems);
  problems.sort((a, b) => cmp(a.message, b.message));
  const violations = checkSafety(ordered.actions, tallies, input.kinds);
  return {
    actions: ordered.actions,
    summary: summarize(ordered.actions, input.kinds),
    safety: { ok: violations.length === 0, violations },
    problems,
  };
}

function planKind(model: KindModel, policy: EffectivePolicy, desired: DesiredResource[], live: LiveResource[]) {
  const ignore = policy.ignore.map(globToRegExp);
  const touchable = live.filter((l) => !matchesAny(ignore, l.key, l.fields["name"]));
  const liveByKey = new Map(touchable.map((l) => [l.key, l]));
  const claimed = new Set<string>();
  const actions: Action[] = [];
  const problems: Diagnostic[] = [];
  const refuse = (d: DesiredResource | LiveResource, message: string) =>
    problems.push({ source: "source" in d ? d.source : undefined, message: `${resourceId(d.target, d.kind, d.key)}: ${message}` });

  const desiredKeys = new Set(desired.map((d) => d.key));
  let idIndex: Map<string, Map<string, string>> | undefined; // built on first use: most items match by key
  for (const d of desired) {
    let current = liveByKey.get(d.key);
    let renamedFrom: string | undefined;
    if (!current && !d.absent) {
      const old = pinnedMatch(d, () => (idIndex ??= indexIds(touchable)), desiredKeys) ?? d.previousKeys.find((k) => liveByKey.has(k) && !desiredKeys.has(k));
      if (old !== undefined) {
        current = liveByKey.get(old);
        renamedFrom = old;
      }
    }
    if (current) claimed.add(current.key);
    const id = resourceId(d.target, d.kind, d.key);
    const base = { id, target: d.target, kind: d.kind, key: d.key, dependsOn: [] as string[] };
    if (d.absent) {
      if (!current) continue;
      if (!can(model.delete)) refuse(d, `cannot be deleted: ${reasonOf(model.delete)}`);
      else if (current.readOnly) refuse(d, `is read-only (${current.readOnly}) and cannot be deleted`);
      else actions.push({ ...base, op: "delete", changes: [] });
      continue;
    }
    if (!current) {
      if (!can(model.create)) refuse(d, `does not exist and cannot be created: ${reasonOf(model.create)}`);
      else actions.push({ ...base, op: "create", changes: createChanges(d.fields, model.fields) });
      continue;
    }
    const changes = diffFields(d.fields, current.fields, model.fields, d.membersPolicy ?? policy.membersPolicy);
    if (changes.length === 0 && renamedFrom === undefined) continue;
    if (current.readOnly) {
      refuse(d, `is read-only (${current.readOnly}); orgform will not change it`);
      continue;
    }
    const action: Action = { ...base, op: "update", changes };
    if (renamedFrom !== undefined) {
      action.renamedFrom = renamedFrom;
      action.changes = [{ field: model.keyField, before: renamedFrom, after: d.key }, ...changes];
    }
    actions.push(action);
  }

  if (policy.unmanaged === "delete") {
    for (const l of touchable) {
      if (claimed.has(l.key) || desiredKeys.has(l.key)) continue;
      if (!can(model.delete) || l.readOnly) continue; // nothing orgform may do with it
      actions.push({ id: resourceId(l.target, l.kind, l.key), target: l.target, kind: l.kind, key: l.key, op: "delete", changes: [], dependsOn: [] });
    }
  }

  for (const d of desired) {
    if (matchesAny(ignore, d.key, d.fields["name"])) refuse(d, `matches an ignore pattern of the target's policy for ${d.kind}; remove the item or the pattern`);
  }

  return { actions, problems, existing: touchable.length, existingMembers: countMembers(model, touchable) };
}

/** Members of set fields over the given objects. */
function countMembers(model: KindModel, live: LiveResource[]): number {
  if (!hasSetFields(model)) return 0;
  let n = 0;
  for (const l of live) {
    for (const f in l.fields) {
      const v = l.fields[f];
      if (Array.isArray(v) && fieldSpecOf(model.fields, f)?.type === "set") n += v.length;
    }
  }
  return n;
}

/** Live keys by vendor id: field → id (as text) → key. */
function indexIds(live: LiveResource[]): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const l of live) {
    for (const [field, value] of Object.entries(l.ids)) {
      if (value === undefined || value === null || typeof value === "object") continue;
      let byValue = index.get(field);
      if (!byValue) index.set(field, (byValue = new Map()));
      byValue.set(String(value), l.key);
    }
  }
  return index;
}

/**
 * The key of the live object whose vendor id the item pins (`group_no: 2559`), when that object
 * is not claimed by another item under its own key: the pin keeps identity across a rename.
 */
function pinnedMatch(d: DesiredResource, index: () => Map<string, Map<string, string>>, desiredKeys: Set<string>): string | undefined {
  for (const [field, value] of Object.entries(d.pins)) {
    const key = index().get(field)?.get(String(value));
    if (key !== undefined && !desiredKeys.has(key)) return key;
  }
  return undefined;
}

function summarize(actions: Action[], kinds: ReadonlyMap<string, KindModel>): PlanSummary {
  const s: PlanSummary = { create: 0, update: 0, delete: 0, add: 0, remove: 0 };
  for (const a of actions) {
    s[a.op] += 1;
    for (const c of a.changes) {
      const model = kinds.get(a.kind);
      if (!model || fieldSpecOf(model.fields, c.field)?.type !== "set") continue;
      if (a.op !== "create") s.remove += c.remove?.length ?? 0;
      s.add += c.add?.length ?? 0;
    }
  }
  return s;
}

function pairKey(target: string, kind: string): string {
  return `${target}\u0000${kind}`;
}

function groupByPair<T extends { target: string; kind: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = pairKey(item.target, item.kind);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

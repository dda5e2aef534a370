import { can, fieldSpecOf, reasonOf, type KindModel } from "../model/kind.js";
import type { Action, Diagnostic, FieldChange, PlanSummary, SafetyViolation } from "../model/plan.js";
import { effectivePolicy, type EffectivePolicy, type TargetPolicy } from "../model/policy.js";
import { pairKey, resourceId, type DesiredResource, type LiveResource } from "../model/resource.js";
import { createChanges, diffFields } from "./diff.js";
import { globToRegExp, matchesAny } from "./glob.js";
import { orderActions } from "./order.js";
import { matchKind, type KindMatches } from "./match.js";
import { checkSafety, membersPerObject, type KindTally } from "./safety.js";

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

/** The pure diff: same input, same plan. `matched` is `matchAll(input)`, when the caller has it already. */
export function plan(input: PlanInput, matched: MatchedPair[] = matchAll(input)): PlanResult {
  const actions: Action[] = [];
  const problems: Diagnostic[] = [];
  const tallies: KindTally[] = [];
  const followsRename = renameFollower(matched);
  for (const m of matched) {
    const result = planKind(m.model, m.policy, m.kind, m.touchable, followsRename);
    for (const a of result.actions) actions.push(a); // a spread would overflow the stack past ~100k
    problems.push(...result.problems);
    const objectMembers = membersPerObject(m.model, m.touchable);
    let existingMembers = 0;
    for (const n of objectMembers.values()) existingMembers += n;
    tallies.push({ target: m.target, kind: m.model.kind, policy: m.policy, existing: m.touchable.length, existingMembers, desired: m.desired.filter((d) => !d.absent).length, objectMembers });
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

/** One (target, kind) of the scope with its items paired to live objects. */
export interface MatchedPair {
  target: string;
  model: KindModel;
  policy: EffectivePolicy;
  desired: DesiredResource[];
  /** Live objects the target's ignore patterns leave to orgform. */
  touchable: LiveResource[];
  kind: KindMatches;
}

/**
 * Pair every item in scope with its live object, kinds in a stable order, parents before the
 * kinds whose keys start with theirs (so a role follows its renamed group). Drivers' plan-time
 * checks run on these pairs, so they never re-derive what exists or what is renamed.
 */
export function matchAll(input: PlanInput): MatchedPair[] {
  const scope = [...input.scope].sort((a, b) => cmp(`${a.target}\u0000${a.kind}`, `${b.target}\u0000${b.kind}`));
  const desiredByPair = groupByPair(input.desired);
  const liveByPair = groupByPair(input.live);
  const done = new Map<string, MatchedPair>();
  const visit = (target: string, kind: string, seen: Set<string>): MatchedPair | undefined => {
    const key = pairKey(target, kind);
    const model = input.kinds.get(kind);
    if (!model || seen.has(key)) return undefined;
    const existing = done.get(key);
    if (existing) return existing;
    seen.add(key);
    const inScope = scope.some((s) => s.target === target && s.kind === model.keyParent?.kind);
    const parent = model.keyParent && inScope ? visit(target, model.keyParent.kind, seen) : undefined;
    const policy = effectivePolicy(input.policies[target], kind);
    const ignore = policy.ignore.map(globToRegExp);
    const desired = desiredByPair.get(key) ?? [];
    const touchable = (liveByPair.get(key) ?? []).filter((l) => !matchesAny(ignore, l.key, l.fields["name"]));
    const pair: MatchedPair = { target, model, policy, desired, touchable, kind: matchKind(model, desired, touchable, parent?.kind.renames) };
    done.set(key, pair);
    return pair;
  };
  return scope.flatMap(({ target, kind }) => visit(target, kind, new Set()) ?? []);
}

function planKind(model: KindModel, policy: EffectivePolicy, matched: KindMatches, touchable: LiveResource[], followsRename: RenameFollower) {
  const actions: Action[] = [];
  const problems: Diagnostic[] = [];
  const refuse = (d: DesiredResource | LiveResource, message: string) =>
    problems.push({ source: "source" in d ? d.source : undefined, message: `${resourceId(d.target, d.kind, d.key)}: ${message}` });
  const ignore = policy.ignore.map(globToRegExp);
  // One shape for every action, made only when there is one (most matched items change nothing).
  const actionOf = (d: DesiredResource, op: Action["op"], changes: FieldChange[]): Action => ({
    id: resourceId(d.target, d.kind, d.key),
    target: d.target,
    kind: d.kind,
    key: d.key,
    dependsOn: [],
    op,
    changes,
  });

  for (const { desired: d, live: current, renamedFrom, followsParent } of matched.matches) {
    if (d.absent) {
      if (!current) continue;
      if (!can(model.delete)) refuse(d, `cannot be deleted: ${reasonOf(model.delete)}`);
      else if (current.readOnly) refuse(d, `is read-only (${current.readOnly}) and cannot be deleted`);
      else actions.push(actionOf(d, "delete", []));
      continue;
    }
    if (!current) {
      if (!can(model.create)) refuse(d, `does not exist and cannot be created: ${reasonOf(model.create)}`);
      else actions.push(actionOf(d, "create", createChanges(d.fields, model.fields)));
      continue;
    }
    const changes = diffFields(d.fields, current.fields, model.fields, d.membersPolicy ?? policy.membersPolicy).filter(
      (c) => !followsRename(d.target, model, c),
    );
    // A key that only follows its renamed parent changes nothing at the vendor.
    if (changes.length === 0 && (renamedFrom === undefined || followsParent)) continue;
    if (current.readOnly) {
      refuse(d, `is read-only (${current.readOnly}); orgform will not change it`);
      continue;
    }
    const action = actionOf(d, "update", changes);
    if (renamedFrom !== undefined) {
      action.renamedFrom = renamedFrom;
      action.changes = [{ field: model.keyField, before: renamedFrom, after: d.key }, ...changes];
    }
    actions.push(action);
  }

  if (policy.unmanaged === "delete" && touchable.length) {
    const desiredKeys = new Set(matched.matches.map((m) => m.desired.key));
    for (const l of touchable) {
      if (matched.claimed.has(l.key) || desiredKeys.has(l.key)) continue;
      if (!can(model.delete) || l.readOnly) continue; // nothing orgform may do with it
      actions.push({ id: resourceId(l.target, l.kind, l.key), target: l.target, kind: l.kind, key: l.key, op: "delete", changes: [], dependsOn: [] });
    }
  }

  for (const { desired: d } of matched.matches) {
    if (matchesAny(ignore, d.key, d.fields["name"])) refuse(d, `matches an ignore pattern of the target's policy for ${d.kind}; remove the item or the pattern`);
  }

  return { actions, problems };
}

type RenameFollower = (target: string, model: KindModel, change: FieldChange) => boolean;

/**
 * Whether a change of a `linkedById` reference field only follows a rename in this plan
 * (`parent: RD-OLD → RD` while RD-OLD becomes RD): the vendor links by id, so the reference
 * follows by itself and the change needs no call. Such changes are left out of the plan.
 */
function renameFollower(matched: MatchedPair[]): RenameFollower {
  const renames = new Map<string, string>();
  for (const m of matched) for (const [now, old] of m.kind.renames) renames.set(resourceId(m.target, m.model.kind, now), old);
  return (target, model, c) => {
    if (renames.size === 0 || typeof c.before !== "string" || typeof c.after !== "string") return false;
    const spec = fieldSpecOf(model.fields, c.field);
    return spec?.linkedById === true && spec.ref !== undefined && renames.get(resourceId(target, spec.ref, c.after)) === c.before;
  };
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

/** Items by pairKey(target, kind); grouped by target, then kind, so no key is built per item. */
function groupByPair<T extends { target: string; kind: string }>(items: T[]): Map<string, T[]> {
  const byTarget = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    let kinds = byTarget.get(item.target);
    if (!kinds) byTarget.set(item.target, (kinds = new Map()));
    const list = kinds.get(item.kind);
    if (list) list.push(item);
    else kinds.set(item.kind, [item]);
  }
  const out = new Map<string, T[]>();
  for (const [target, kinds] of byTarget) for (const [kind, list] of kinds) out.set(pairKey(target, kind), list);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

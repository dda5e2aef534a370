import type { MembersPolicy } from "./resource.js";

export interface SafetyLimits {
  /** Deletes above this share of existing objects of a kind make the plan unsafe. */
  maxDeletePercent: number;
  /** More deletes than this of one kind in one run make the plan unsafe. */
  maxDeleteCount: number;
  /** The percentage rule applies only from this many existing objects. */
  minExisting: number;
  /** Member removals (from updates and deletes) above this share of a kind's members make the plan unsafe. */
  maxRemovePercent: number;
  /** More member removals than this from one kind in one run make the plan unsafe. */
  maxRemoveCount: number;
  /** The kind-wide removal percentage applies only from this many existing members. */
  minExistingMembers: number;
  /** Removing more than this share of one object's members makes the plan unsafe. */
  maxObjectRemovePercent: number;
  /** The per-object percentage applies only to objects with at least this many members. */
  minObjectMembers: number;
}

export interface KindPolicy extends Partial<SafetyLimits> {
  unmanaged?: "ignore" | "delete";
  membersPolicy?: MembersPolicy;
  /** Glob patterns on key or name: matching live objects are never changed or deleted. */
  ignore?: string[];
}

/** A target's `policy`: per kind, plus `default` for every kind of the target. */
export type TargetPolicy = Record<string, KindPolicy>;

export const DEFAULT_SAFETY: SafetyLimits = {
  maxDeletePercent: 30,
  maxDeleteCount: 100,
  minExisting: 10,
  maxRemovePercent: 30,
  maxRemoveCount: 100,
  minExistingMembers: 10,
  maxObjectRemovePercent: 50,
  minObjectMembers: 10,
};

export interface EffectivePolicy extends SafetyLimits {
  unmanaged: "ignore" | "delete";
  membersPolicy: MembersPolicy;
  ignore: string[];
}

export function effectivePolicy(policy: TargetPolicy | undefined, kind: string): EffectivePolicy {
  const base = policy?.["default"] ?? {};
  const own = policy?.[kind] ?? {};
  const merged = { ...base, ...own };
  return {
    ...DEFAULT_SAFETY,
    ...stripUndefined(merged),
    unmanaged: merged.unmanaged ?? "ignore",
    membersPolicy: merged.membersPolicy ?? "authoritative",
    ignore: [...(base.ignore ?? []), ...(own.ignore ?? [])],
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

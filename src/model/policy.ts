import type { MembersPolicy } from "./resource.js";

export interface SafetyLimits {
  /** Deletes above this share of existing objects of a kind make the plan unsafe. */
  maxDeletePercent: number;
  /** More deletes than this of one kind in one run make the plan unsafe. */
  maxDeleteCount: number;
  /** The percentage rule applies only from this many existing objects. */
  minExisting: number;
  maxRemovePercent: number;
  maxRemoveCount: number;
  minExistingMembers: number;
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

/** Where a value came from in a manifest, for error messages. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** How a set field treats live members that the manifest does not list. */
export type MembersPolicy = "authoritative" | "additive";

/**
 * Item fields every kind's schema may have and the core reads itself: the loader takes them
 * off an item before the kind's `toCanonical` sees it.
 */
export const COMMON_ITEM_FIELDS: readonly string[] = ["absent", "membersPolicy", "previousKeys"];

/**
 * One object the manifests ask for, in the kind's canonical form: references hold the other
 * resource's key, set fields hold sorted unique strings, and only managed fields are present.
 */
export interface DesiredResource {
  target: string;
  kind: string;
  key: string;
  fields: Record<string, unknown>;
  /** Vendor ids or identity parameters the item pins (`group_no`, `biz_inst_id`, ...). */
  pins: Record<string, unknown>;
  absent: boolean;
  membersPolicy?: MembersPolicy;
  /** Earlier keys of this resource: a live resource under one of them is renamed, not replaced. */
  previousKeys: string[];
  source: SourcePosition;
  /** Positions of individual fields, by field name, for precise messages. */
  fieldSources?: Record<string, SourcePosition>;
}

/** One object as the vendor holds it, mapped to the kind's canonical form. */
export interface LiveResource {
  target: string;
  kind: string;
  key: string;
  fields: Record<string, unknown>;
  /** Vendor-assigned identity (`departmentId`, `role_no`, ...), used when compiling requests. */
  ids: Record<string, unknown>;
  /** Set when the vendor refuses changes to this object, with the reason. */
  readOnly?: string;
}

/** The key of a (target, kind) pair in maps: `<target>\0<kind>`. */
export function pairKey(target: string, kind: string): string {
  return `${target}\u0000${kind}`;
}

/**
 * A look-up in maps keyed by pairKey, for loops over objects that come grouped by target and
 * kind: the pair last asked for is nearly always the next, so its key is built once per run of
 * the group, not once per object.
 */
export function pairLookup<T>(groups: ReadonlyMap<string, T>): (target: string, kind: string) => T | undefined {
  let lastTarget: string | undefined;
  let lastKind: string | undefined;
  let last: T | undefined;
  return (target, kind) => {
    if (target !== lastTarget || kind !== lastKind) [lastTarget, lastKind, last] = [target, kind, groups.get(pairKey(target, kind))];
    return last;
  };
}

/** Identity of a resource across the whole run. */
export function resourceId(target: string, kind: string, key: string): string {
  return `${target}/${kind}/${key}`;
}

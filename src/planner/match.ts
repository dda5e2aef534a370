import type { KindModel } from "../model/kind.js";
import type { Match } from "../model/match.js";
import type { DesiredResource, LiveResource } from "../model/resource.js";

/** The matches of one (target, kind), and the renames they imply (new key → old key). */
export interface KindMatches {
  matches: Match[];
  renames: Map<string, string>;
  /** Live keys some item takes over by a rename (an item's own key is not listed: see `desired`). */
  claimed: Set<string>;
}

/**
 * Pair the items of one kind with its live objects. An item matches the live object under its
 * own key; failing that (and unless it is `absent`), the live object whose vendor id it pins,
 * one of its `previousKeys`, or, for kinds whose key starts with a parent's key, the object
 * under the parent's old key when the parent is renamed in this plan. A live object that some
 * item names under its own key is never taken by another item's rename.
 */
export function matchKind(
  model: KindModel,
  desired: DesiredResource[],
  live: LiveResource[],
  parentRenames?: ReadonlyMap<string, string>,
): KindMatches {
  const liveByKey = new Map<string, LiveResource>();
  for (const l of live) liveByKey.set(l.key, l);
  const claimed = new Set<string>();
  const renames = new Map<string, string>();
  // Built on first use: most items match by key.
  let idIndex: Map<string, Map<string, string>> | undefined;
  let desiredKeys: Set<string> | undefined;
  const free = (key: string | undefined): key is string =>
    key !== undefined && liveByKey.has(key) && !(desiredKeys ??= new Set(desired.map((d) => d.key))).has(key) && !claimed.has(key);
  const matches = desired.map((d): Match => {
    const own = liveByKey.get(d.key);
    if (own) return { desired: d, live: own };
    if (d.absent) return { desired: d };
    const underParent = underRenamedParent(model, d, parentRenames);
    const from = [pinnedKey(d, () => (idIndex ??= indexIds(live)))].find(free) ?? d.previousKeys.find(free) ?? [underParent].find(free);
    if (from === undefined) return { desired: d };
    claimed.add(from);
    renames.set(d.key, from);
    const match: Match = { desired: d, live: liveByKey.get(from) as LiveResource, renamedFrom: from };
    if (from === underParent) match.followsParent = true;
    return match;
  });
  return { matches, renames, claimed };
}

/** The key the item would have had under its parent's old key, when the parent is renamed. */
function underRenamedParent(model: KindModel, d: DesiredResource, parentRenames: ReadonlyMap<string, string> | undefined): string | undefined {
  if (!model.keyParent || !parentRenames) return undefined;
  const parent = d.fields[model.keyParent.field];
  if (typeof parent !== "string" || !d.key.startsWith(`${parent}/`)) return undefined;
  const old = parentRenames.get(parent);
  return old === undefined ? undefined : `${old}${d.key.slice(parent.length)}`;
}

/** The key of the live object whose vendor id the item pins (`group_no: 2559`), if any. */
function pinnedKey(d: DesiredResource, index: () => Map<string, Map<string, string>>): string | undefined {
  for (const [field, value] of Object.entries(d.pins)) {
    const key = index().get(field)?.get(String(value));
    if (key !== undefined) return key;
  }
  return undefined;
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

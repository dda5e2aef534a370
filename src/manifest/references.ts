import { refFields, type KindModel } from "../model/kind.js";
import type { Diagnostic } from "../model/plan.js";
import { pairKey, pairLookup, type DesiredResource } from "../model/resource.js";

/** Items by pairKey(target, kind), then by key: the first item with each key. */
export type ItemGroups = ReadonlyMap<string, ReadonlyMap<string, DesiredResource>>;

/**
 * Every reference must name a desired, present object of the referenced kind in the same
 * target, and references within a kind must not form a cycle. `groups` is the loader's index
 * of the same items, when it has one.
 */
export function checkReferences(desired: DesiredResource[], kinds: ReadonlyMap<string, KindModel>, groups: ItemGroups = groupItems(desired)): Diagnostic[] {
  const refs = refFieldsByKind(kinds);
  if (![...refs.values()].some((list) => list.length)) return [];
  const diagnostics: Diagnostic[] = [];
  const groupOf = pairLookup(groups);
  for (const d of desired) {
    if (d.absent) continue;
    const fields = refs.get(d.kind);
    if (!fields?.length) continue;
    for (const [field, refKind] of fields) {
      const value = d.fields[field];
      if (value === undefined || value === null) continue;
      const other = groupOf(d.target, refKind)?.get(String(value));
      if (other && !other.absent) continue;
      const at = d.fieldSources?.[field] ?? d.source;
      const why = other ? "which is marked absent" : `which no manifest for target "${d.target}" defines`;
      diagnostics.push({ source: at, path: field, message: `refers to ${refKind} "${String(value)}", ${why}` });
    }
  }
  for (const byKey of groups.values()) diagnostics.push(...findCycles(byKey, refs));
  return diagnostics;
}

function groupItems(desired: DesiredResource[]): ItemGroups {
  const groups = new Map<string, Map<string, DesiredResource>>();
  for (const d of desired) {
    const group = pairKey(d.target, d.kind);
    let byKey = groups.get(group);
    if (!byKey) groups.set(group, (byKey = new Map()));
    if (!byKey.has(d.key)) byKey.set(d.key, d);
  }
  return groups;
}

/** Per kind, its reference fields and the kinds they point at. */
function refFieldsByKind(kinds: ReadonlyMap<string, KindModel>): Map<string, [string, string][]> {
  return new Map([...kinds].map(([name, model]) => [name, refFields(model)]));
}

/** Cycles among the items of one target and kind through the fields that refer to the same kind. */
function findCycles(byKey: ReadonlyMap<string, DesiredResource>, refs: Map<string, [string, string][]>): Diagnostic[] {
  const first = byKey.values().next().value;
  const selfRefs = first ? (refs.get(first.kind) ?? []).filter(([, refKind]) => refKind === first.kind) : [];
  if (!selfRefs.length) return [];
  const parentOf = (d: DesiredResource): { key: string; field: string } | undefined => {
    let parent: { key: string; field: string } | undefined;
    for (const [field] of selfRefs) {
      const value = d.fields[field];
      if (typeof value === "string") parent = { key: value, field };
    }
    return parent;
  };
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  for (const start of byKey.values()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let key: string | undefined = start.key;
    while (key !== undefined && !done.has(key)) {
      const d = byKey.get(key);
      if (!d) break;
      if (onPath.has(key)) {
        const cycle = path.slice(path.indexOf(key));
        const field = parentOf(d)?.field ?? "";
        diagnostics.push({ source: d.fieldSources?.[field] ?? d.source, path: field, message: `forms a reference cycle: ${[...cycle, key].join(" → ")}` });
        break;
      }
      onPath.add(key);
      path.push(key);
      key = parentOf(d)?.key;
    }
    for (const p of path) done.add(p);
  }
  return diagnostics;
}

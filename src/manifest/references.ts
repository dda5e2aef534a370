import { refFields, type KindModel } from "../model/kind.js";
import type { Diagnostic } from "../model/plan.js";
import { resourceId, type DesiredResource } from "../model/resource.js";

/**
 * Every reference must name a desired, present object of the referenced kind in the same
 * target, and references within a kind must not form a cycle.
 */
export function checkReferences(desired: DesiredResource[], kinds: ReadonlyMap<string, KindModel>): Diagnostic[] {
  const refs = refFieldsByKind(kinds);
  if (![...refs.values()].some((list) => list.length)) return [];
  // Only kinds that something refers to need an index; only kinds with references are checked.
  const referenced = new Set([...refs.values()].flatMap((list) => list.map(([, kind]) => kind)));
  const byId = new Map<string, DesiredResource>();
  for (const d of desired) if (referenced.has(d.kind)) byId.set(resourceId(d.target, d.kind, d.key), d);
  const diagnostics: Diagnostic[] = [];
  for (const d of desired) {
    if (d.absent) continue;
    const fields = refs.get(d.kind);
    if (!fields?.length) continue;
    for (const [field, refKind] of fields) {
      const value = d.fields[field];
      if (value === undefined || value === null) continue;
      const other = byId.get(resourceId(d.target, refKind, String(value)));
      if (other && !other.absent) continue;
      const at = d.fieldSources?.[field] ?? d.source;
      const why = other ? "which is marked absent" : `which no manifest for target "${d.target}" defines`;
      diagnostics.push({ source: at, path: field, message: `refers to ${refKind} "${String(value)}", ${why}` });
    }
  }
  diagnostics.push(...findCycles(desired, refs));
  return diagnostics;
}

/** Per kind, its reference fields and the kinds they point at. */
function refFieldsByKind(kinds: ReadonlyMap<string, KindModel>): Map<string, [string, string][]> {
  return new Map([...kinds].map(([name, model]) => [name, refFields(model)]));
}

function findCycles(desired: DesiredResource[], refs: Map<string, [string, string][]>): Diagnostic[] {
  const parentOf = new Map<string, { id: string; field: string }>();
  const byId = new Map<string, DesiredResource>();
  const selfRefsOf = new Map([...refs].map(([kind, list]) => [kind, list.filter(([, refKind]) => refKind === kind)]));
  for (const d of desired) {
    const selfRefs = selfRefsOf.get(d.kind) ?? [];
    if (!selfRefs.length) continue;
    const id = resourceId(d.target, d.kind, d.key);
    byId.set(id, d);
    for (const [field] of selfRefs) {
      const value = d.fields[field];
      if (typeof value === "string") parentOf.set(id, { id: resourceId(d.target, d.kind, value), field });
    }
  }
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id)) {
      if (onPath.has(id)) {
        const cycle = path.slice(path.indexOf(id));
        const d = byId.get(id);
        const field = parentOf.get(id)?.field ?? "";
        const keys = [...cycle, id].map((c) => byId.get(c)?.key ?? c);
        diagnostics.push({ source: d?.fieldSources?.[field] ?? d?.source, path: field, message: `forms a reference cycle: ${keys.join(" → ")}` });
        break;
      }
      onPath.add(id);
      path.push(id);
      id = parentOf.get(id)?.id;
    }
    for (const p of path) done.add(p);
  }
  return diagnostics;
}

import type { KindModel } from "../model/kind.js";
import type { Diagnostic } from "../model/plan.js";
import { resourceId, type DesiredResource } from "../model/resource.js";

/**
 * Every reference must name a desired, present object of the referenced kind in the same
 * target, and references within a kind must not form a cycle.
 */
export function checkReferences(desired: DesiredResource[], kinds: ReadonlyMap<string, KindModel>): Diagnostic[] {
  const byId = new Map(desired.map((d) => [resourceId(d.target, d.kind, d.key), d]));
  const diagnostics: Diagnostic[] = [];
  for (const d of desired) {
    if (d.absent) continue;
    for (const [field, spec] of Object.entries(kinds.get(d.kind)?.fields ?? {})) {
      const value = d.fields[field];
      if (!spec.ref || value === undefined || value === null) continue;
      const other = byId.get(resourceId(d.target, spec.ref, String(value)));
      const at = d.fieldSources?.[field] ?? d.source;
      if (!other) {
        diagnostics.push({ source: at, path: field, message: `refers to ${spec.ref} "${String(value)}", which no manifest for target "${d.target}" defines` });
      } else if (other.absent) {
        diagnostics.push({ source: at, path: field, message: `refers to ${spec.ref} "${String(value)}", which is marked absent` });
      }
    }
  }
  diagnostics.push(...findCycles(desired, kinds));
  return diagnostics;
}

function findCycles(desired: DesiredResource[], kinds: ReadonlyMap<string, KindModel>): Diagnostic[] {
  const parentOf = new Map<string, { id: string; field: string }>();
  const byId = new Map<string, DesiredResource>();
  for (const d of desired) {
    const id = resourceId(d.target, d.kind, d.key);
    byId.set(id, d);
    for (const [field, spec] of Object.entries(kinds.get(d.kind)?.fields ?? {})) {
      const value = d.fields[field];
      if (spec.ref === d.kind && typeof value === "string") parentOf.set(id, { id: resourceId(d.target, d.kind, value), field });
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

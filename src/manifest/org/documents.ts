import type { KindSpec } from "../../drivers/driver.js";
import type { Diagnostic } from "../../model/plan.js";
import type { OrgPerson } from "../../model/org.js";
import type { ParsedDocument } from "../yaml.js";
import { emptyDirectory, type Directory } from "./directory.js";

const EMPTY = emptyDirectory();
import { resolveDocument, type ResolvedItem } from "./resolve.js";

/** A vendor-kind document as written: its target and items, and `itemsFrom` when set. */
interface KindDocument {
  target: string;
  items?: Record<string, unknown>[];
  itemsFrom?: "people" | "departments";
}

/**
 * The items of one vendor-kind document with the org model applied: selectors expanded,
 * bound items filled, `itemsFrom` generated. Without org documents and without org fields in
 * the kind, the written items come back as they are.
 */
export function resolvedItems(doc: ParsedDocument, spec: KindSpec, dir: Directory | undefined, diagnostics: Diagnostic[], missing: Map<string, Set<OrgPerson>>): ResolvedItem[] {
  const v = doc.value as KindDocument;
  const items = v.items ?? [];
  if (!spec.org) return items.map((value, index) => ({ value, index }));
  const result = resolveDocument({ target: v.target, kind: spec.kind, org: spec.org, items, itemsFrom: v.itemsFrom, positionOf: (p) => doc.positionOf(p) }, dir ?? EMPTY, diagnostics);
  if (result.missing.length) {
    let set = missing.get(v.target);
    if (!set) missing.set(v.target, (set = new Set()));
    for (const p of result.missing) set.add(p);
  }
  return result.items;
}

/** The plan notes for people left out because they have no account on a target. */
export function missingNotes(missing: Map<string, Set<OrgPerson>>): string[] {
  return [...missing]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([target, people]) => {
      const names = [...people].map((p) => p.handle).sort();
      return `target ${target}: ${names.length} ${names.length === 1 ? "person" : "people"} reached through a team or department ${names.length === 1 ? "has" : "have"} no account there and ${names.length === 1 ? "is" : "are"} left out: ${names.join(", ")}`;
    });
}

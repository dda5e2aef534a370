import type { Action, Diagnostic } from "../../model/plan.js";
import type { Match } from "../../model/match.js";
import type { DesiredResource, LiveResource } from "../../model/resource.js";
import { DELETE_WITH_IDENTITIES, UNIT, unitIds } from "./kinds/unit-fields.js";

interface Placement {
  name: string;
  superior: string;
  desired?: DesiredResource;
}

/**
 * O2OA's unit rules, checked before any write: a name has no `/` or `\`, a unique has no
 * whitespace (distinguished names are parsed as `\S+@\S+@U`), and no two units under the same
 * superior share a name once the plan is applied.
 */
export function checkUnits(matches: Match[], live: LiveResource[], _facts?: ReadonlyMap<string, unknown>, deletes: readonly Action[] = []): Diagnostic[] {
  const unitMatches = matches.filter((m) => m.desired.kind === UNIT);
  const units = unitMatches.map((m) => m.desired);
  const diagnostics: Diagnostic[] = [];
  for (const d of units) {
    if (d.absent) continue;
    const name = d.fields["name"];
    if (typeof name === "string" && /[/\\]/.test(name)) {
      diagnostics.push(at(d, "name", `${label(d)}: the name "${name}" contains "/" or "\\", which O2OA refuses in unit names`));
    }
    if (/\s/.test(d.key)) {
      diagnostics.push(at(d, "unique", `${label(d)}: the unique "${d.key}" contains whitespace; O2OA distinguished names (name@unique@U) cannot hold it`));
    }
  }
  diagnostics.push(...siblingClashes(unitMatches, live.filter((l) => l.kind === UNIT)));
  diagnostics.push(...identityLosses(unitMatches, live, deletes));
  return diagnostics;
}

/**
 * The platform's unit delete removes the unit's identities with it (o2oa/o2oa
 * x_organization_assemble_control jaxrs/unit/ActionDelete.java), and what the installed sync
 * script does is unknown. A delete of a unit that holds identities is therefore refused unless
 * its item says `absent: true` and `deleteWithIdentities: true`; an unmanaged delete (no item)
 * is always refused for such a unit.
 */
function identityLosses(units: Match[], live: LiveResource[], deletes: readonly Action[]): Diagnostic[] {
  const items = new Map(units.map((m) => [m.desired.key, m.desired]));
  const diagnostics: Diagnostic[] = [];
  for (const d of units) {
    if (!d.desired.absent && d.desired.fields[DELETE_WITH_IDENTITIES] !== undefined) {
      diagnostics.push(at(d.desired, DELETE_WITH_IDENTITIES, `${label(d.desired)}: deleteWithIdentities only has a meaning next to absent: true`));
    }
  }
  for (const action of deletes) {
    if (action.kind !== UNIT) continue;
    const unit = live.find((l) => l.kind === UNIT && l.key === action.key);
    const identities = [...(unitIds(unit)?.identities ?? [])].sort();
    if (!identities.length) continue;
    const item = items.get(action.key);
    if (item?.fields[DELETE_WITH_IDENTITIES] === true) continue;
    const shown = identities.slice(0, 10).join(", ") + (identities.length > 10 ? `, and ${identities.length - 10} more` : "");
    const why = `deleting it would also delete the ${identities.length} identit${identities.length === 1 ? "y" : "ies"} it holds (${shown}), which no plan shows`;
    if (item) {
      diagnostics.push(at(item, "absent", `${label(item)}: ${why}; move them first, or add deleteWithIdentities: true next to absent: true to accept their loss`));
    } else {
      diagnostics.push({ message: `${action.target}/${UNIT}/${action.key}: the unmanaged delete is refused: ${why}; keep the unit in the manifests, or list it with absent: true and deleteWithIdentities: true` });
    }
  }
  return diagnostics;
}

/** Units that would share a name under one superior after the plan. */
function siblingClashes(units: Match[], live: LiveResource[]): Diagnostic[] {
  const after = new Map<string, Placement>();
  for (const l of live) after.set(l.key, { name: String(l.fields["name"]), superior: String(l.fields["superior"] ?? "") });
  for (const { desired: d, renamedFrom } of units) {
    // A live unit that is renamed to this key no longer stands under its old one.
    if (renamedFrom !== undefined) after.delete(renamedFrom);
    if (d.absent) {
      after.delete(d.key);
      continue;
    }
    const name = d.fields["name"] ?? after.get(d.key)?.name;
    after.set(d.key, { name: String(name), superior: String(d.fields["superior"] ?? ""), desired: d });
  }
  const groups = new Map<string, [string, Placement][]>();
  for (const entry of after) {
    const id = `${entry[1].superior}\u0000${entry[1].name}`;
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keys = group.map(([key]) => key).sort();
    for (const [key, p] of group) {
      if (!p.desired) continue;
      const others = keys.filter((k) => k !== key).map((k) => `"${k}"`).join(", ");
      const where = p.superior ? `superior "${p.superior}"` : "the top level";
      diagnostics.push(at(p.desired, "name", `${label(p.desired)}: the name "${p.name}" is already used under ${where} by ${others}; O2OA requires sibling units to have different names`));
    }
  }
  return diagnostics;
}

function at(d: DesiredResource, field: string, message: string): Diagnostic {
  return { source: d.fieldSources?.[field] ?? d.source, path: field, message };
}

function label(d: DesiredResource): string {
  return `${d.target}/${d.kind}/${d.key}`;
}

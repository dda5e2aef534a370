import equal from "fast-deep-equal";
import { fieldSpecOf, type FieldSpec } from "../model/kind.js";
import type { FieldChange } from "../model/plan.js";
import type { MembersPolicy } from "../model/resource.js";

/** The field changes that turn `live` into `desired`, on the fields `desired` manages. */
export function diffFields(
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
  specs: Record<string, FieldSpec>,
  membersPolicy: MembersPolicy,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field in desired) {
    const want = desired[field];
    const have = live[field];
    if (want === have) continue; // the same string, number or nothing: unchanged by any spec
    const spec = fieldSpecOf(specs, field);
    if (have === undefined && spec?.writeOnly) continue;
    if (spec?.type === "set") {
      if (sameList(want, have)) continue;
      const change = diffSet(field, asStrings(want), asStrings(have), membersPolicy);
      if (change) changes.push(change);
    } else if (!sameFieldValue(spec, want, have)) {
      changes.push({ field, before: have ?? null, after: want ?? null });
    }
  }
  // Most objects have no change: sort the few changes, not every field of every object.
  return changes.length > 1 ? changes.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)) : changes;
}

/** Whether a live scalar value already is the desired one, as the field's spec compares them. */
export function sameFieldValue(spec: FieldSpec | undefined, want: unknown, have: unknown): boolean {
  if (spec?.unordered && Array.isArray(want) && Array.isArray(have)) {
    return equal([...new Set(want.map(String))].sort(), [...new Set(have.map(String))].sort());
  }
  const mask = spec?.maskedBy;
  if (mask && typeof want === "string" && typeof have === "string" && have.includes(mask)) {
    const wanted = [...want];
    const shown = [...have];
    return wanted.length === shown.length && shown.every((ch, i) => ch === mask || ch === wanted[i]);
  }
  return equal(want ?? null, have ?? null);
}

/** Every managed field of a new object, as the changes of its create. */
export function createChanges(desired: Record<string, unknown>, specs: Record<string, FieldSpec>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(desired).sort()) {
    const value = desired[field];
    if (fieldSpecOf(specs, field)?.type === "set") {
      const add = [...new Set(asStrings(value))].sort();
      if (add.length) out.push({ field, add, remove: [] });
    } else if (value !== null && value !== undefined) out.push({ field, before: null, after: value });
  }
  return out;
}

function diffSet(field: string, want: string[], have: string[], policy: MembersPolicy): FieldChange | undefined {
  const wantSet = new Set(want);
  const haveSet = new Set(have);
  const add = [...wantSet].filter((m) => !haveSet.has(m)).sort();
  const remove = policy === "additive" ? [] : [...haveSet].filter((m) => !wantSet.has(m)).sort();
  return add.length || remove.length ? { field, add, remove } : undefined;
}

/** Two lists with the same members in the same order: as sets too they are equal (the usual case). */
function sameList(want: unknown, have: unknown): boolean {
  if (!Array.isArray(want) || !Array.isArray(have) || want.length !== have.length) return false;
  for (let i = 0; i < want.length; i++) if (want[i] !== have[i] && String(want[i]) !== String(have[i])) return false;
  return true;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

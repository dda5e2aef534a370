import { DriverError } from "../../model/errors.js";
import type { LiveResource } from "../../model/resource.js";
import { asSet, LIST_FIELDS, sub, TEXT_FIELDS, UNIT, type UnitIds } from "./kinds/unit-fields.js";

/** A unit as the organisation REST service lists it (the fields orgform reads). */
export interface WireUnit {
  id: string;
  name: string;
  unique: string;
  distinguishedName?: string;
  /** The parent unit's id; empty at the top level. */
  superior?: string;
  typeList?: string[];
  description?: string;
  shortName?: string;
  orderNumber?: number | null;
  controllerList?: string[];
  dingdingId?: string;
  dingdingHash?: string;
  qiyeweixinId?: string;
  qiyeweixinHash?: string;
  zhengwuDingdingId?: string;
  zhengwuDingdingHash?: string;
}

interface WireSub {
  id: string;
  name: string;
  unique?: string;
  distinguishedName?: string;
  /** The owning unit's id. */
  unit: string;
  description?: string;
  orderNumber?: number | null;
}

export interface WireAttribute extends WireSub {
  attributeList?: string[];
}

export interface WireDuty extends WireSub {
  /** Identity flags of the duty's members. */
  identityList?: string[];
}

/** Listed units, attributes and duties → canonical live units (parents by unique, sub-objects by name). */
export function toLiveUnits(target: string, units: WireUnit[], attributes: WireAttribute[], duties: WireDuty[]): LiveResource[] {
  for (const u of units) {
    if (typeof u.name !== "string" || typeof u.unique !== "string") {
      throw new DriverError("o2oa", "unknown", undefined, `unit ${u.id} was listed without name or unique`);
    }
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const attributesOf = groupByUnit(attributes);
  const dutiesOf = groupByUnit(duties);
  return units.map((u) => {
    const fields: Record<string, unknown> = { name: u.name, superior: superiorKey(u.superior, byId) };
    for (const f of TEXT_FIELDS) fields[f] = u[f] ?? "";
    fields["orderNumber"] = typeof u.orderNumber === "number" ? u.orderNumber : null;
    for (const f of LIST_FIELDS) fields[f] = asSet(u[f]);
    const ids: UnitIds = {
      id: u.id,
      distinguishedName: u.distinguishedName ?? `${u.name}@${u.unique}@U`,
      order: { typeList: [...(u.typeList ?? [])], controllerList: [...(u.controllerList ?? [])] },
      attributes: [],
      duties: [],
    };
    const ownAttributes = attributesOf.get(u.id) ?? [];
    fields[sub.attributeNames] = asSet(ownAttributes.map((a) => a.name));
    for (const a of ownAttributes) {
      fields[sub.attribute(a.name)] = (a.attributeList ?? []).map(String);
      fields[sub.attributeDescription(a.name)] = a.description ?? "";
      fields[sub.attributeOrderNumber(a.name)] = typeof a.orderNumber === "number" ? a.orderNumber : null;
      ids.attributes.push(identity(a, "UA"));
    }
    const ownDuties = dutiesOf.get(u.id) ?? [];
    fields[sub.dutyNames] = asSet(ownDuties.map((d) => d.name));
    for (const d of ownDuties) {
      fields[sub.duty(d.name)] = asSet(d.identityList);
      fields[sub.dutyDescription(d.name)] = d.description ?? "";
      fields[sub.dutyOrderNumber(d.name)] = typeof d.orderNumber === "number" ? d.orderNumber : null;
      ids.duties.push({ ...identity(d, "UD"), members: [...(d.identityList ?? [])].map(String) });
    }
    return { target, kind: UNIT, key: u.unique, fields, ids: ids as unknown as Record<string, unknown> };
  });
}

/** The parent's unique; an id the listing did not show stays as it is (it cannot match a key). */
function superiorKey(superior: string | undefined, byId: Map<string, WireUnit>): string | null {
  if (!superior) return null;
  return byId.get(superior)?.unique ?? superior;
}

/** Sub-objects by owning unit id, in the order of their orderNumber (then name). */
function groupByUnit<T extends WireSub>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    if (typeof r.name !== "string" || typeof r.unit !== "string") continue;
    const list = out.get(r.unit) ?? [];
    list.push(r);
    out.set(r.unit, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.orderNumber ?? Infinity) - (b.orderNumber ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

function identity(row: WireSub, suffix: "UA" | "UD"): { name: string; unique: string; distinguishedName: string } {
  const unique = row.unique ?? row.id;
  return { name: row.name, unique, distinguishedName: row.distinguishedName ?? `${row.name}@${unique}@${suffix}` };
}

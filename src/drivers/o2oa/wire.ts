import { answerProblem, answerSchema, readAnswer } from "../kit/wire.js";
import type { LiveResource } from "../../model/resource.js";
import { asSet, LIST_FIELDS, sub, TEXT_FIELDS, UNIT, type UnitIds } from "./kinds/unit-fields.js";

/**
 * O2OA answers as orgform reads them, each checked by a schema where it arrives, and the
 * mapping from listed rows to live units. Field names: o2oa/o2oa
 * o2server/x_organization_core_entity/.../{Unit,UnitAttribute,UnitDuty,Identity}.java; the
 * envelope: o2server/x_base_core_project/.../http/ActionResult.java.
 */

/** `ActionResult`: `type` says success or error; `count` is a listing's total. */
export interface Envelope {
  type: string;
  data?: unknown;
  message?: unknown;
  prompt?: unknown;
  count?: unknown;
}
export const envelopeSchema = answerSchema<Envelope>("O2OA answer envelope", {
  type: "object",
  required: ["type"],
  properties: { type: { type: "string" } },
});

export const loginSchema = answerSchema<{ token: string }>("login answer data", {
  type: "object",
  required: ["token"],
  properties: { token: { type: "string", minLength: 1 } },
});

/** What the sync script answers inside `data.value`. */
export interface SyncValue {
  result: string;
  description?: string;
  id?: string;
  distinguishedName?: string;
}
export const syncValueSchema = answerSchema<{ value: SyncValue }>("sync answer data", {
  type: "object",
  required: ["value"],
  properties: { value: { type: "object", required: ["result"], properties: { result: { type: "string" } } } },
});

/** The invoke record (x_program_center Invoke entity): whether the script is enabled. */
export const invokeSchema = answerSchema<{ enable?: boolean; name?: string }>("invoke record", {
  type: "object",
  properties: { enable: { type: "boolean" }, name: { type: "string" } },
});

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

/** An identity: a person's membership of one unit (Identity.java: `unit` is the unit's id). */
export interface WireIdentity {
  id: string;
  unit: string;
  name?: string;
  distinguishedName?: string;
  person?: string;
}

const text = { type: ["string", "null"] };
const list = { type: ["array", "null"], items: { type: "string" } };
const order = { type: ["number", "null"] };
const subProps = { id: { type: "string" }, name: { type: "string" }, unique: text, distinguishedName: text, unit: { type: "string" }, description: text, orderNumber: order };

export const rowSchemas = {
  unit: answerSchema<WireUnit[]>("unit listing page", {
    type: "array",
    items: {
      type: "object",
      required: ["id", "name", "unique"],
      properties: { id: { type: "string" }, name: { type: "string" }, unique: { type: "string" }, superior: text, distinguishedName: text, typeList: list, controllerList: list, orderNumber: order },
    },
  }),
  unitattribute: answerSchema<WireAttribute[]>("unit attribute listing page", {
    type: "array",
    items: { type: "object", required: ["id", "name", "unit"], properties: { ...subProps, attributeList: list } },
  }),
  unitduty: answerSchema<WireDuty[]>("unit duty listing page", {
    type: "array",
    items: { type: "object", required: ["id", "name", "unit"], properties: { ...subProps, identityList: list } },
  }),
  identity: answerSchema<WireIdentity[]>("identity listing page", {
    type: "array",
    items: { type: "object", required: ["id", "unit"], properties: { id: { type: "string" }, unit: { type: "string" }, name: text, distinguishedName: text, person: text } },
  }),
};

/** What `interpret` makes of a listing's answer: its rows and the envelope's total. */
export interface ListPage {
  rows: unknown[];
  total: number | undefined;
}
export const listPageSchema = answerSchema<ListPage>("listing page", {
  type: "object",
  required: ["rows"],
  properties: { rows: { type: "array", items: { type: "object", required: ["id"], properties: { id: { type: "string" } } } }, total: { type: "number" } },
});

export { answerProblem, readAnswer };

/** Listed units, attributes, duties and identities → canonical live units (parents by unique, sub-objects by name). */
export function toLiveUnits(target: string, units: WireUnit[], attributes: WireAttribute[], duties: WireDuty[], identities: WireIdentity[]): LiveResource[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const attributesOf = groupByUnit(attributes);
  const dutiesOf = groupByUnit(duties);
  const identitiesOf = new Map<string, string[]>();
  for (const i of identities) identitiesOf.set(i.unit, [...(identitiesOf.get(i.unit) ?? []), i.distinguishedName || i.name || i.id]);
  return units.map((u) => {
    const fields: Record<string, unknown> = { name: u.name, superior: superiorKey(u.superior, byId) };
    for (const f of TEXT_FIELDS) fields[f] = u[f] ?? "";
    fields["orderNumber"] = typeof u.orderNumber === "number" ? u.orderNumber : null;
    for (const f of LIST_FIELDS) fields[f] = asSet(u[f] ?? []);
    const ids: UnitIds = {
      id: u.id,
      distinguishedName: u.distinguishedName || `${u.name}@${u.unique}@U`,
      order: { typeList: [...(u.typeList ?? [])], controllerList: [...(u.controllerList ?? [])] },
      attributes: [],
      duties: [],
      identities: identitiesOf.get(u.id) ?? [],
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
      fields[sub.duty(d.name)] = asSet(d.identityList ?? []);
      fields[sub.dutyDescription(d.name)] = d.description ?? "";
      fields[sub.dutyOrderNumber(d.name)] = typeof d.orderNumber === "number" ? d.orderNumber : null;
      ids.duties.push({ ...identity(d, "UD"), members: [...(d.identityList ?? [])].map(String) });
    }
    return { target, kind: UNIT, key: u.unique, fields, ids: ids as unknown as Record<string, unknown> };
  });
}

/** The parent's unique; an id the listing did not show stays as it is (it cannot match a key). */
function superiorKey(superior: string | null | undefined, byId: Map<string, WireUnit>): string | null {
  if (!superior) return null;
  return byId.get(superior)?.unique ?? superior;
}

/** Sub-objects by owning unit id, in the order of their orderNumber (then name). */
function groupByUnit<T extends WireSub>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.unit, [...(out.get(r.unit) ?? []), r]);
  for (const l of out.values()) l.sort((a, b) => (a.orderNumber ?? Infinity) - (b.orderNumber ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

function identity(row: WireSub, suffix: "UA" | "UD"): { name: string; unique: string; distinguishedName: string } {
  const unique = row.unique || row.id;
  return { name: row.name, unique, distinguishedName: row.distinguishedName || `${row.name}@${unique}@${suffix}` };
}

import type { FieldSpec } from "../../driver.js";
import type { LiveResource } from "../../../model/resource.js";

export const UNIT = "o2oa.Unit";

/**
 * An item's explicit consent, next to `absent: true`, to delete a unit together with the
 * identities it holds. Never a vendor field: not sent, not read back.
 */
export const DELETE_WITH_IDENTITIES = "deleteWithIdentities";

/** The third-party directory ids of a unit, in the order of the vendor's request example. */
export const THIRD_PARTY_FIELDS = [
  "dingdingId",
  "dingdingHash",
  "qiyeweixinId",
  "zhengwuDingdingId",
  "zhengwuDingdingHash",
  "qiyeweixinHash",
] as const;

/** Plain string fields of a unit. */
export const TEXT_FIELDS = ["description", "shortName", ...THIRD_PARTY_FIELDS] as const;

/** Unordered lists of a unit, diffed into add/remove. */
export const LIST_FIELDS = ["typeList", "controllerList"] as const;

/**
 * Attributes and duties are keyed by name inside their unit. They are flattened into one
 * canonical field per name (`attribute.<name>`, `duty.<name>`, ...) so the planner shows each
 * one's change, plus a set of names (`attributes`, `duties`) that shows which are added or
 * removed as a whole.
 */
export const sub = {
  attributeNames: "attributes",
  attribute: (name: string) => `attribute.${name}`,
  attributeDescription: (name: string) => `attributeDescription.${name}`,
  attributeOrderNumber: (name: string) => `attributeOrderNumber.${name}`,
  dutyNames: "duties",
  duty: (name: string) => `duty.${name}`,
  dutyDescription: (name: string) => `dutyDescription.${name}`,
  dutyOrderNumber: (name: string) => `dutyOrderNumber.${name}`,
} as const;

export const UNIT_FIELDS: Record<string, FieldSpec> = {
  name: { type: "scalar" },
  superior: { type: "scalar", ref: UNIT, linkedById: true },
  typeList: { type: "set" },
  description: { type: "scalar" },
  shortName: { type: "scalar" },
  orderNumber: { type: "scalar" },
  controllerList: { type: "set" },
  dingdingId: { type: "scalar" },
  dingdingHash: { type: "scalar" },
  qiyeweixinId: { type: "scalar" },
  qiyeweixinHash: { type: "scalar" },
  zhengwuDingdingId: { type: "scalar" },
  zhengwuDingdingHash: { type: "scalar" },
  attributes: { type: "set" },
  // Values are sent in the manifest's order and compared as a set.
  "attribute.*": { type: "scalar", unordered: true },
  "attributeDescription.*": { type: "scalar" },
  "attributeOrderNumber.*": { type: "scalar" },
  duties: { type: "set" },
  "duty.*": { type: "set" },
  "dutyDescription.*": { type: "scalar" },
  "dutyOrderNumber.*": { type: "scalar" },
  [DELETE_WITH_IDENTITIES]: { type: "scalar", writeOnly: true },
};

/** A unit's attribute or duty as the vendor identifies it. */
export interface SubIdentity {
  name: string;
  unique: string;
  distinguishedName: string;
}

/**
 * What a live unit keeps besides its canonical fields: vendor identities, and the vendor's
 * own order of its lists (a write sends lists back in that order, changes applied).
 */
export interface UnitIds {
  id: string;
  distinguishedName: string;
  order: { typeList: string[]; controllerList: string[] };
  attributes: SubIdentity[];
  duties: (SubIdentity & { members: string[] })[];
  /**
   * The identities (persons' memberships) the unit holds, by distinguished name. orgform does
   * not manage them, but the platform's unit delete removes them with the unit.
   */
  identities: string[];
}

export function unitIds(live: LiveResource | undefined): UnitIds | undefined {
  return live?.ids as UnitIds | undefined;
}

/** Sorted distinct strings: the canonical form of a set field. */
export function asSet(values: readonly unknown[] | undefined): string[] {
  return [...new Set((values ?? []).map(String))].sort();
}

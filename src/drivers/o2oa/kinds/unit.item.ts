// Generated from schemas/kinds/o2oa.Unit.schema.json by `npm run gen:item-types`; do not edit.
//
// An item as the loader hands it to toCanonical: valid against the schema, without the common
// fields (absent, membersPolicy, previousKeys), and with the org model applied, so without
// selectors and binding handles (`$ref`s into schemas/org/selector.schema.json), which the loader
// replaces by the accounts they name.

/** An item of kind o2oa.Unit, as `toCanonical` receives it. */
export type UnitItem = {
  /** The unit's unique code (key); no whitespace. The distinguished name is name@unique@U. */
  unique?: string;
  /** Display name; unique among the units under the same superior; no '/' or '\'. */
  name?: string;
  /** The parent unit's unique. Omitted: the unit is at the top level. */
  superior?: string;
  /** Unit types, e.g. [部门]. */
  typeList?: string[];
  /** Description. */
  description?: string;
  /** Short name. */
  shortName?: string;
  /** Sort order among siblings (ascending). */
  orderNumber?: number;
  /** Unit managers: person flags as O2OA lists them. */
  controllerList?: string[];
  /** DingTalk department id. */
  dingdingId?: string;
  /** DingTalk department hash. */
  dingdingHash?: string;
  /** WeCom (Qiye Weixin) department id. */
  qiyeweixinId?: string;
  /** WeCom (Qiye Weixin) department hash. */
  qiyeweixinHash?: string;
  /** Government DingTalk id. */
  zhengwuDingdingId?: string;
  /** Government DingTalk hash. */
  zhengwuDingdingHash?: string;
  /**
   * The unit's attributes, keyed by name. When present the list is the whole set: live attributes
   * it does not name are removed (unless membersPolicy is additive). When absent, attributes are
   * left as they are.
   */
  attributeList?: UnitAttribute[];
  /**
   * The unit's duties, keyed by name, with their members. When present the list is the whole set:
   * live duties it does not name are removed (unless membersPolicy is additive). When absent,
   * duties are left as they are.
   */
  dutyList?: UnitDuty[];
  /**
   * Only next to absent: true. The unit's delete also deletes the identities (persons' memberships)
   * it holds, as the platform's unit delete does; without this, orgform refuses to plan the delete
   * of a unit that holds identities.
   */
  deleteWithIdentities?: boolean;
};

export type UnitAttribute = {
  /** Attribute name, unique within the unit (the key of the attribute). */
  name: string;
  /** The attribute's values (a single value may be written as a string). */
  value: string | string[];
  /** Description of the attribute. */
  description?: string;
  /** Sort order of the attribute (ascending). */
  orderNumber?: number;
};

export type UnitDuty = {
  /** Duty name, unique within the unit (the key of the duty). */
  name: string;
  /**
   * Members: identity flags as O2OA lists them (write what `orgform import` writes; the sync script
   * also resolves person distinguished names, uniques, employee numbers or mobiles).
   */
  value: string[];
  /** Description of the duty. */
  description?: string;
  /** Sort order of the duty (ascending). */
  orderNumber?: number;
};

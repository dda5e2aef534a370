// Generated from schemas/kinds/dingtalk.PunchGroup.schema.json by `npm run gen:item-types`; do not edit.
//
// An item as the loader hands it to toCanonical: valid against the schema, without the common
// fields (absent, membersPolicy, previousKeys), and with the org model applied, so without
// selectors and binding handles (`$ref`s into schemas/org/selector.schema.json), which the loader
// replaces by the accounts they name.

/** An item of kind dingtalk.PunchGroup, as `toCanonical` receives it. */
export type PunchGroupItem = {
  /** The punch group's id (key). */
  punch_group_id: string;
  /** The business instance the group belongs to. */
  biz_inst_id: string;
  /** The business id DingTalk assigned to the integration, e.g. patrol_xxx. */
  biz_id?: string;
  /**
   * Members: DingTalk userids, or {member_id, type} objects (type 0 = employee, 1 = department).
   */
  members?: (string | { member_id: string; type?: 0 | 1 })[];
};

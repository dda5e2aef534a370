// Generated from schemas/kinds/jiandaoyun.RoleGroup.schema.json by `npm run gen:item-types`; do not edit.
//
// An item as the loader hands it to toCanonical: valid against the schema, without the common
// fields (absent, membersPolicy, previousKeys), and with the org model applied, so without
// selectors and binding handles (`$ref`s into schemas/org/selector.schema.json), which the loader
// replaces by the accounts they name.

/** An item of kind jiandaoyun.RoleGroup, as `toCanonical` receives it. */
export type RoleGroupItem = {
  /** The group's name (key); Jiandaoyun accepts at most 24 characters. */
  name: string;
  /**
   * The group's number in Jiandaoyun. Pinned, it keeps the group's identity: a changed name renames
   * the live group (role_group/update).
   */
  group_no?: number;
};

// Generated from schemas/kinds/jiandaoyun.Role.schema.json by `npm run gen:item-types`; do not edit.
//
// An item as the loader hands it to toCanonical: valid against the schema, without the common
// fields (absent, membersPolicy, previousKeys), and with the org model applied, so without
// selectors and binding handles (`$ref`s into schemas/org/selector.schema.json), which the loader
// replaces by the accounts they name.

/** An item of kind jiandaoyun.Role, as `toCanonical` receives it. */
export type RoleItem = {
  /**
   * The role's name, unique within its group; at most 24 characters. The role's key is
   * <group>/<name>.
   */
  name: string;
  /** The name of the role group the role belongs to (a jiandaoyun.RoleGroup in the same target). */
  group: string;
  /**
   * The role's number in Jiandaoyun. Pinned, it keeps the role's identity: a changed name or group
   * renames or moves the live role (role/update).
   */
  role_no?: number;
  /** Members of the role, as Jiandaoyun usernames (成员编号). */
  members?: string[];
};

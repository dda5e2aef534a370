// Generated from schemas/kinds/xinrenxinshi.Department.schema.json by `npm run gen:item-types`; do not edit.
//
// An item as the loader hands it to toCanonical: valid against the schema, without the common
// fields (absent, membersPolicy, previousKeys), and with the org model applied, so without
// selectors and binding handles (`$ref`s into schemas/org/selector.schema.json), which the loader
// replaces by the accounts they name.

/** An item of kind xinrenxinshi.Department, as `toCanonical` receives it. */
export type DepartmentItem = {
  /** The department code (key). */
  code?: string;
  /**
   * Pins the vendor's department id: a live department with this id is renamed to this code instead
   * of being replaced.
   */
  departmentId?: string;
  /** Department name (required to create). */
  name?: string;
  /**
   * The parent department's code; null: a top-level department (moves it to the top). Left out: the
   * parent is not managed (a new department is created at the top).
   */
  parent?: string | null;
  /**
   * Department type: 0 部门, 1 事业部, 2 事业群, 3 组, 4 中心, 5 子公司, or a custom type of the tenant (checked
   * at plan time).
   */
  type?: number;
  /**
   * employeeId of the department head; null clears it. Left out: the current head is kept. Or
   * {person: <handle>}.
   */
  adminId?: string | null;
  /** employeeId of the HRBP; null clears it. Or {person: <handle>}. */
  hrbpId?: string | null;
  /** City the department belongs to; null clears it. */
  city?: string | null;
  /** Remark; null clears it. */
  remark?: string | null;
  /**
   * Custom field values by the field's display name (text, number, yyyy-MM-dd date, option, or area
   * code); null clears one. Fields not listed are left as they are.
   */
  fields?: Record<string, string | null>;
};

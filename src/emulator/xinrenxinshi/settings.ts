import type { EmuResponse } from "../vendor.js";
import { ok } from "./answers.js";
import { FIELD_TYPE_CODES } from "./field-values.js";
import type { XrxsSection } from "./state.js";

/** `/v5/department/depttype/list`: built-in and custom department types. */
export function departmentTypes(state: XrxsSection): EmuResponse {
  return ok(state.departmentTypes.map((t) => ({ departType: t.departType, departTypeName: t.departTypeName, isFixed: t.isFixed })));
}

/**
 * `/v5/department/fields/setting`: the department custom fields, in the shape of the vendor's
 * employee field settings (`fieldId`, `fieldName`, `fieldType` code, `options`), plus
 * `maxLength` for text fields. The path is orgform's assumption (not in the public docs).
 */
export function departmentFieldSettings(state: XrxsSection): EmuResponse {
  return ok(
    state.customFields.map((f, i) => ({
      fieldId: `dept_field_${i + 1}`,
      fieldName: f.name,
      fieldType: FIELD_TYPE_CODES[f.type],
      fieldCategory: "department",
      ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
      options: (f.options ?? []).map((o, j) => ({ optionKey: String(j + 1), optionValue: o })),
      multiple: 0,
      required: 0,
    })),
  );
}

/** `/v5/common/citys`: the area list (type 2 province, 3 city, 4 district). */
export function cityList(state: XrxsSection): EmuResponse {
  return ok(state.areas.map((a) => ({ id: a.id, name: a.name, type: a.type, parentId: a.parentId ?? 0, isPrimary: 0, fullName: a.name })));
}

import type { EmuResponse } from "../vendor.js";
import { ok } from "./answers.js";
import type { XrxsSection } from "./state.js";

/** `/v5/department/depttype/list`: built-in and custom department types (SDK `DepartmentTypeModel`). */
export function departmentTypes(state: XrxsSection): EmuResponse {
  return ok(state.departmentTypes.map((t) => ({ departType: t.departType, departTypeName: t.departTypeName, isFixed: t.isFixed })));
}

/** `/v5/common/citys`: the area list (SDK `AreaInfo`: type 2 province, 3 city, 4 district). */
export function cityList(state: XrxsSection): EmuResponse {
  return ok(state.areas.map((a) => ({ id: a.id, name: a.name, type: a.type, parentId: a.parentId ?? 0, isPrimary: 0, fullName: a.name })));
}

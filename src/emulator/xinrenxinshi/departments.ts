import type { EmuResponse } from "../vendor.js";
import { CODE, fail, ok } from "./answers.js";
import { customFieldError } from "./field-values.js";
import type { XrxsDepartment, XrxsSection } from "./state.js";

type Params = Record<string, unknown>;

/** The list's DepartmentModel: what the vendor returns for one department. */
function model(d: XrxsDepartment): Record<string, unknown> {
  return {
    departmentId: d.departmentId,
    name: d.name,
    code: d.code,
    parentId: d.parentId,
    type: d.type,
    adminId: d.adminId,
    hrbpId: d.hrbpId,
    city: d.city,
    remark: d.remark,
    order: d.order,
    status: d.status,
    isVirtual: 0,
    addtime: d.addtime,
    modtime: d.modtime,
    fields: { ...d.fields },
  };
}

/** `/v5/department/list`: the whole company (flat), or one department with or without its subtree. */
export function listDepartments(state: XrxsSection, p: Params): EmuResponse {
  const status = p["status"] === undefined || state.listIgnoresStatus ? 0 : Number(p["status"]);
  const live = state.departments.filter((d) => d.status === status);
  const id = typeof p["departmentId"] === "string" ? p["departmentId"] : "";
  if (!id) return ok(live.map(model));
  const root = live.find((d) => d.departmentId === id);
  if (!root) return fail(CODE.departmentNotFound, `部门不存在: ${id}`);
  if (Number(p["fetchChild"] ?? 0) !== 1) return ok([model(root)]);
  const subtree = [root, ...descendants(live, id)];
  return ok(subtree.map(model));
}

function descendants(list: XrxsDepartment[], id: string): XrxsDepartment[] {
  const children = list.filter((d) => d.parentId === id);
  return children.flatMap((c) => [c, ...descendants(list, c.departmentId)]);
}

/** Checks shared by create and update; returns the refusal, if any. */
function invalid(state: XrxsSection, p: Params, self: XrxsDepartment | undefined): EmuResponse | undefined {
  if (p["name"] !== undefined && (typeof p["name"] !== "string" || p["name"].trim() === "")) return fail(CODE.invalidParameter, "部门名称不能为空");
  if (p["code"] !== undefined) {
    if (typeof p["code"] !== "string" || p["code"] === "") return fail(CODE.invalidParameter, "部门编码不能为空");
    // Disabled departments keep their codes, so they collide too (the wording is unverified).
    if (state.departments.some((d) => d.code === p["code"] && d !== self && d.status !== 2)) return fail(CODE.duplicateCode, `部门编码已存在: ${p["code"]}`);
  }
  const parentId = p["parentId"];
  if (parentId !== undefined && parentId !== "") {
    const parent = state.departments.find((d) => d.departmentId === parentId && d.status === 0);
    if (!parent) return fail(CODE.badParent, `上级部门不存在: ${String(parentId)}`);
    if (self && (parent === self || descendants(state.departments, self.departmentId).includes(parent))) {
      return fail(CODE.badParent, "上级部门不能是本部门或其下级部门");
    }
  }
  if (p["type"] !== undefined && !state.departmentTypes.some((t) => t.departType === p["type"])) {
    return fail(CODE.unknownType, `部门类型不存在: ${String(p["type"])}`);
  }
  for (const f of ["adminId", "hrbpId"]) {
    const id = p[f];
    if (id !== undefined && id !== "" && !state.employees.some((e) => e.employeeId === id)) return fail(CODE.employeeNotFound, `员工不存在: ${String(id)}`);
  }
  const fields = p["fields"];
  if (fields !== undefined) {
    if (!fields || typeof fields !== "object" || Array.isArray(fields)) return fail(CODE.invalidParameter, "fields必须是对象");
    for (const [name, value] of Object.entries(fields)) {
      const error = customFieldError(state, name, value);
      if (error) return fail(CODE.invalidField, error);
    }
  }
  return undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

export function createDepartment(state: XrxsSection, p: Params, now: number, newId: () => string): EmuResponse {
  if (typeof p["name"] !== "string" || typeof p["code"] !== "string") return fail(CODE.invalidParameter, "部门名称和部门编码必填");
  const refusal = invalid(state, p, undefined);
  if (refusal) return refusal;
  let id = newId();
  while (state.departments.some((d) => d.departmentId === id)) id = newId();
  const parentId = text(p["parentId"]);
  const siblings = state.departments.filter((d) => d.parentId === parentId);
  const seconds = Math.floor(now / 1000);
  const fields = Object.fromEntries(Object.entries((p["fields"] ?? {}) as Record<string, string>).filter(([, v]) => v !== ""));
  state.departments.push({
    departmentId: id,
    name: p["name"],
    code: p["code"],
    parentId,
    type: typeof p["type"] === "number" ? p["type"] : 0,
    adminId: text(p["adminId"]),
    hrbpId: text(p["hrbpId"]),
    city: text(p["city"]),
    remark: text(p["remark"]),
    status: 0,
    fields,
    order: Math.max(0, ...siblings.map((d) => d.order)) + 1,
    addtime: seconds,
    modtime: seconds,
  });
  return ok({ id });
}

/**
 * `/v5/department/update`: fields that are sent replace the stored ones, fields that are not
 * sent stay, except `adminId`: leaving it out clears the department head (department/update_v5.html).
 */
export function updateDepartment(state: XrxsSection, p: Params, now: number): EmuResponse {
  const dept = state.departments.find((d) => d.departmentId === p["departmentId"] && d.status === 0);
  if (!dept) return fail(CODE.departmentNotFound, `部门不存在: ${text(p["departmentId"])}`);
  const refusal = invalid(state, p, dept);
  if (refusal) return refusal;
  if (typeof p["name"] === "string") dept.name = p["name"];
  if (typeof p["code"] === "string") dept.code = p["code"];
  if (p["parentId"] !== undefined) dept.parentId = text(p["parentId"]);
  if (typeof p["type"] === "number") dept.type = p["type"];
  dept.adminId = text(p["adminId"]);
  for (const f of ["hrbpId", "city", "remark"] as const) if (p[f] !== undefined) dept[f] = text(p[f]);
  for (const [name, value] of Object.entries((p["fields"] ?? {}) as Record<string, string>)) {
    if (value === "") delete dept.fields[name];
    else dept.fields[name] = value;
  }
  dept.modtime = Math.floor(now / 1000);
  return ok(null);
}

/** `/v5/department/delete`: refused while the department has sub-departments or employees. */
export function deleteDepartment(state: XrxsSection, p: Params): EmuResponse {
  const dept = state.departments.find((d) => d.departmentId === p["departmentId"] && d.status === 0);
  if (!dept) return fail(CODE.departmentNotFound, `部门不存在: ${text(p["departmentId"])}`);
  if (state.departments.some((d) => d.parentId === dept.departmentId && d.status === 0)) return fail(CODE.hasChildren, "部门下存在子部门,不能删除");
  if (state.employees.some((e) => e.departmentId === dept.departmentId)) return fail(CODE.hasEmployees, "部门下存在员工,不能删除");
  state.departments = state.departments.filter((d) => d !== dept);
  return ok(null);
}

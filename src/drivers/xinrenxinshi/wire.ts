import { answerSchema, readAnswer, type AnswerSchema } from "../kit/wire.js";
import type { LiveResource } from "../../model/resource.js";
import { API } from "./api.js";
import { CUSTOM_PREFIX, DEPARTMENT, keyOfDepartment, textOrNull } from "./kinds/department-model.js";

/**
 * Xinrenxinshi answers as orgform reads them, each checked where it arrives. Field names and
 * types follow the SDK's `DepartmentModel`, `DepartmentTypeModel`, `DepartmentCreateResponse`
 * and `OpenapiTokenResponse` (`techqjyd/openapi-sdk-java`); extra fields pass.
 */
const VENDOR = "xinrenxinshi";

const text = { type: ["string", "null"] };
const int = { type: ["integer", "null"] };

/** One department of `/v5/department/list` (SDK `DepartmentModel`). */
export interface WireDepartment {
  departmentId: string;
  name?: string | null;
  code?: string | null;
  parentId?: string | null;
  type?: number | null;
  adminId?: string | null;
  hrbpId?: string | null;
  city?: string | null;
  remark?: string | null;
  status?: number | null;
  /** Custom field values by display name (SDK: `Map<String,String>`). */
  fields?: Record<string, string | null> | null;
}

const DEPARTMENT_SCHEMA = {
  type: "object",
  required: ["departmentId"],
  properties: {
    departmentId: { type: "string", minLength: 1 },
    name: text,
    code: text,
    parentId: text,
    type: int,
    adminId: text,
    hrbpId: text,
    city: text,
    remark: text,
    status: int,
    fields: { type: ["object", "null"], additionalProperties: text },
  },
};

export const departmentListAnswer: AnswerSchema<{ data: WireDepartment[] }> = answerSchema("department list", {
  type: "object",
  required: ["data"],
  properties: { data: { type: "array", items: DEPARTMENT_SCHEMA } },
});

export interface WireDepartmentType {
  departType: number;
  departTypeName?: string | null;
}

export const departmentTypesAnswer: AnswerSchema<{ data: WireDepartmentType[] }> = answerSchema("department type list", {
  type: "object",
  required: ["data"],
  properties: {
    data: { type: "array", items: { type: "object", required: ["departType"], properties: { departType: { type: "integer" }, departTypeName: text } } },
  },
});

/** `/v5/department/create`: `data.id` is the new department's id (SDK `DepartmentCreateResponse`). */
export const departmentCreateAnswer: AnswerSchema<{ data: { id: string } }> = answerSchema("department create answer", {
  type: "object",
  required: ["data"],
  properties: { data: { type: "object", required: ["id"], properties: { id: { type: "string", minLength: 1 } } } },
});

/** The token answer (authentication.html; SDK `OpenapiTokenResponse`). */
export const tokenAnswer: AnswerSchema<{ access_token: string; expires_in?: number | string }> = answerSchema("token answer", {
  type: "object",
  required: ["access_token"],
  properties: { access_token: { type: "string", minLength: 1 }, expires_in: { type: ["integer", "string"] } },
});

export function readDepartments(data: unknown): WireDepartment[] {
  return readAnswer(VENDOR, departmentListAnswer, data, { method: "POST", path: API.departmentList }).data;
}

export function readDepartmentTypes(data: unknown): WireDepartmentType[] {
  return readAnswer(VENDOR, departmentTypesAnswer, data, { method: "POST", path: API.departmentTypes }).data;
}

export function readToken(data: unknown): { access_token: string; expires_in?: number | string } {
  return readAnswer(VENDOR, tokenAnswer, data, { method: "POST", path: API.token });
}

/** Normal departments → live resources; the tree comes from `parentId` ("" under the root). */
export function toLive(target: string, list: WireDepartment[]): LiveResource[] {
  const byId = new Map(list.map((d) => [d.departmentId, d]));
  return list.map((d) => {
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    const fields: Record<string, unknown> = {
      name: d.name ?? "",
      parent: d.parentId ? (parent ? keyOfDepartment(parent) : `#${d.parentId}`) : null,
      type: d.type ?? 0,
      adminId: textOrNull(d.adminId),
      hrbpId: textOrNull(d.hrbpId),
      city: textOrNull(d.city),
      remark: textOrNull(d.remark),
    };
    for (const [name, value] of Object.entries(d.fields ?? {})) {
      const shown = textOrNull(value);
      if (shown !== null) fields[`${CUSTOM_PREFIX}${name}`] = shown;
    }
    return { target, kind: DEPARTMENT, key: keyOfDepartment(d), fields, ids: { departmentId: d.departmentId } };
  });
}

/** A disabled department as check needs it: the code it still holds, and its id and name. */
export interface DisabledDepartment {
  code: string;
  departmentId: string;
  name: string;
}

export function toDisabled(list: WireDepartment[]): DisabledDepartment[] {
  return list.flatMap((d) => (d.code ? [{ code: d.code, departmentId: d.departmentId, name: d.name ?? "" }] : []));
}

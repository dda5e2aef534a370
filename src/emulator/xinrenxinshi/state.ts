export interface XrxsApp {
  appKey: string;
  appSecret: string;
}

export interface XrxsDepartment {
  /** 32 lowercase hex digits. */
  departmentId: string;
  name: string;
  code: string;
  /** "" for a top-level department. */
  parentId: string;
  type: number;
  /** Head of the department (an employeeId), "" for none. */
  adminId: string;
  hrbpId: string;
  city: string;
  remark: string;
  /** 0 normal, 1 disabled, 2 deleted (the list's filter values). */
  status: number;
  /** Custom field values by the field's display name. */
  fields: Record<string, string>;
  order: number;
  addtime: number;
  modtime: number;
}

export interface XrxsEmployee {
  employeeId: string;
  name: string;
  /** The department the employee belongs to: a department with employees cannot be deleted. */
  departmentId?: string;
}

export type CustomFieldType = "text" | "number" | "date" | "option" | "city" | "district";

export interface XrxsCustomField {
  name: string;
  type: CustomFieldType;
  maxLength?: number;
  options?: string[];
}

export interface XrxsDepartmentType {
  departType: number;
  departTypeName: string;
  /** 1 for the built-in types. */
  isFixed: number;
}

/** An entry of the vendor's city list: type 2 province, 3 city, 4 district. */
export interface XrxsArea {
  id: number;
  name: string;
  type: number;
  parentId?: number;
}

export interface XrxsSection {
  apps: XrxsApp[];
  departments: XrxsDepartment[];
  employees: XrxsEmployee[];
  customFields: XrxsCustomField[];
  departmentTypes: XrxsDepartmentType[];
  areas: XrxsArea[];
  limits?: { qps?: number; writeDelayMs?: number };
  tokenTtlSeconds?: number;
  /**
   * How a lapsed or unknown token is answered (no source shows it): `http401` (default) an
   * OAuth-style HTTP 401 `invalid_token`; `envelope` HTTP 200 with a non-zero errcode whose
   * errmsg speaks of the access token.
   */
  expiredTokenAnswer?: "http401" | "envelope";
  /** true: the list ignores its `status` filter and always returns the normal departments. */
  listIgnoresStatus?: boolean;
  /**
   * The companies of a group account. With more than one, every v5 call must name one in the
   * `companyId` header (as coobin/xrxs2ldap sends it); the refusal's wording is unverified.
   */
  companyIds?: string[];
}

export const BUILT_IN_TYPES: XrxsDepartmentType[] = ["部门", "事业部", "事业群", "组", "中心", "子公司"].map((name, i) => ({
  departType: i,
  departTypeName: name,
  isFixed: 1,
}));

/** A state section as written (most fields optional) → the full shape the emulator works on. */
export function normalizeSection(section: unknown): XrxsSection {
  const s = (section ?? {}) as Partial<XrxsSection> & { departments?: Partial<XrxsDepartment>[] };
  return {
    apps: s.apps ?? [],
    departments: (s.departments ?? []).map((d, i) => ({
      departmentId: String(d.departmentId),
      name: d.name ?? "",
      code: d.code ?? "",
      parentId: d.parentId ?? "",
      type: d.type ?? 0,
      adminId: d.adminId ?? "",
      hrbpId: d.hrbpId ?? "",
      city: d.city ?? "",
      remark: d.remark ?? "",
      status: d.status ?? 0,
      fields: { ...(d.fields ?? {}) },
      order: d.order ?? i + 1,
      addtime: d.addtime ?? 1600000000,
      modtime: d.modtime ?? 1600000000,
    })),
    employees: s.employees ?? [],
    customFields: s.customFields ?? [],
    // The fixed types 0-5 exist in every tenant; a state lists the tenant's custom ones (and may rename fixed ones).
    departmentTypes: [...BUILT_IN_TYPES.filter((b) => !s.departmentTypes?.some((t) => t.departType === b.departType)), ...(s.departmentTypes ?? [])].sort(
      (a, b) => a.departType - b.departType,
    ),
    areas: s.areas ?? [],
    ...(s.limits ? { limits: s.limits } : {}),
    ...(s.tokenTtlSeconds ? { tokenTtlSeconds: s.tokenTtlSeconds } : {}),
    ...(s.expiredTokenAnswer ? { expiredTokenAnswer: s.expiredTokenAnswer } : {}),
    ...(s.listIgnoresStatus ? { listIgnoresStatus: true } : {}),
    ...(s.companyIds ? { companyIds: s.companyIds } : {}),
  };
}

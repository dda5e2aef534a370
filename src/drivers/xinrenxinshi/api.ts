/**
 * The Xinrenxinshi open API v5 calls orgform makes, and what the vendor publishes about them.
 * Sources: the vendor's Java SDK `techqjyd/openapi-sdk-java` (request classes under
 * `src/main/java/com/xinrenxinshi/request/`) and the vendor's pages under
 * https://api.xinrenxinshi.com/doc/v3/page/.
 */
export const API = {
  /** `OpenapiTokenRequest`; https://api.xinrenxinshi.com/doc/v3/page/guide/authentication.html */
  token: "/authorize/oauth/token",
  /** `DepartmentListRequest`; department/list_v5.html: the whole company in one flat list, no paging. */
  departmentList: "/v5/department/list",
  /** `DepartmentTypeRequest`: built-in and tenant-defined department types. */
  departmentTypes: "/v5/department/depttype/list",
  /** `DepartmentCreateRequest`; department/create_v5.html. The new id comes back in `data.id`. */
  departmentCreate: "/v5/department/create",
  /** `DepartmentUpdateRequest`; department/update_v5.html ("只支持单线程更新": one update at a time). */
  departmentUpdate: "/v5/department/update",
  /** `DepartmentDeleteRequest` `{departmentId}`. */
  departmentDelete: "/v5/department/delete",
} as const;

/**
 * The list's `status` filter (department/list_v5.html): 0 normal (the default), 1 disabled,
 * 2 deleted. Disabled departments keep their code, so orgform reads them too.
 */
export const LIST_STATUS = { normal: 0, disabled: 1 } as const;

/**
 * The only published rate: a comment in the SDK's `XrxsEmployeeService` (employee list paging,
 * "防止超频, 频率每分钟200次": stay under 200 calls a minute, with a 300 ms pause between pages).
 * It is about employee lists; no quota is published for department calls, so orgform keeps the
 * whole tenant under it. A Target's `limits` can raise it.
 */
export const CALLS_PER_MINUTE = 200;

/** The token lifetime when an answer names none: 7199 s in the vendor's documented example. */
export const TOKEN_LIFETIME_S = 7199;

/** Renew this long before expiry, as `coobin/xrxs2ldap` does (`expires_in - 300`). */
export const TOKEN_RENEW_EARLY_S = 300;

/**
 * Optional header naming the company of a group account. `coobin/xrxs2ldap`
 * (`src/xrxs2ldap/adapters/xinrenxinshi.py`) sends it on every v5 call when configured; the
 * vendor's SDK and pages do not mention it.
 */
export const COMPANY_HEADER = "companyId";

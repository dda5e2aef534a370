import type { EmuResponse } from "../vendor.js";

/** Server time as the platform writes it in `date`: `yyyy-MM-dd HH:mm:ss`. */
function stamp(now: number): string {
  const d = new Date(now);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The platform's `ActionResult` around a successful answer (HTTP 200). */
export function success(data: unknown, now: number, count = 0): EmuResponse {
  return {
    status: 200,
    body: { type: "success", data, message: "", date: stamp(now), spent: 1, size: Array.isArray(data) ? data.length : -1, count, position: 0 },
    code: "success",
  };
}

/**
 * A platform error: HTTP 500 with `type: error`. `prompt` is the exception's class name; the
 * platform sets it for the errors it raises on purpose (business rules, access checks).
 */
export function failure(message: string, prompt: string | undefined, now: number): EmuResponse {
  const body: Record<string, unknown> = { type: "error", data: null, message, date: stamp(now), spent: 1, size: -1, count: 0, position: 0 };
  if (prompt) body["prompt"] = prompt;
  return { status: 500, body, code: prompt ? prompt.slice(prompt.lastIndexOf(".") + 1) : "error" };
}

/**
 * What the organisation module's token filter answers a caller without a valid session:
 * HTTP 401 with an `ActionResult` carrying ExceptionUnauthorized, its message localised by
 * `Accept-Language` (o2oa/o2oa x_base_core_project jaxrs/CipherManagerUserJaxrsFilter.java,
 * exception/ExceptionUnauthorized.java). The Chinese text is the exception's own; the other
 * languages' wording is unverified.
 */
export function unauthorized(acceptLanguage: string | undefined, now: number): EmuResponse {
  const answer = failure(UNAUTHORIZED_TEXT[language(acceptLanguage)], PROMPT.unauthorized, now);
  return { ...answer, status: 401 };
}

/** What older servers' token filters wrote instead (FilterTools): HTTP 500, a fixed text, no prompt. */
export function notLoggedInOld(): EmuResponse {
  return { status: 500, body: { type: "error", message: "not cipher or manager or user." }, code: "anonymous" };
}

const UNAUTHORIZED_TEXT = { zh: "会话已过期或未登录.", en: "Session expired or not logged in." } as const;

/** The first language of an Accept-Language header the emulator has a text for (Chinese otherwise). */
function language(header: string | undefined): keyof typeof UNAUTHORIZED_TEXT {
  const first = (header ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh";
}

/** The answer of the sync script, wrapped as `data.value` (HTTP 200 even when it failed). */
export function syncResult(value: { result: "success" | "error"; description: string; id?: string; distinguishedName?: string }, now: number): EmuResponse {
  const ordered: Record<string, unknown> = {};
  if (value.id !== undefined) ordered["id"] = value.id;
  if (value.distinguishedName !== undefined) ordered["distinguishedName"] = value.distinguishedName;
  ordered["result"] = value.result;
  ordered["description"] = value.description;
  const answer = success({ value: ordered }, now);
  return { ...answer, code: `result:${value.result}` };
}

export const PROMPT = {
  unauthorized: "com.x.base.core.project.exception.ExceptionUnauthorized",
  invokeNotExist: "com.x.program.center.jaxrs.invoke.ExceptionInvokeNotExist",
  invokeNotEnable: "com.x.program.center.jaxrs.invoke.ExceptionNotEnable",
  accessDenied: "com.x.base.core.project.exception.ExceptionAccessDenied",
  entityNotExist: "com.x.base.core.project.exception.ExceptionEntityNotExist",
  unitNotExist: "com.x.organization.assemble.control.jaxrs.unit.ExceptionUnitNotExist",
  loginFailed: "com.x.organization.assemble.authentication.jaxrs.authentication.ExceptionPersonNotExistOrInvalidPassword",
  ssoClientEmpty: "com.x.organization.assemble.authentication.jaxrs.sso.ExceptionClientEmpty",
  ssoTokenEmpty: "com.x.organization.assemble.authentication.jaxrs.sso.ExceptionEmptyToken",
  ssoClientNotExist: "com.x.organization.assemble.authentication.jaxrs.sso.ExceptionClientNotExist",
  ssoReadToken: "com.x.organization.assemble.authentication.jaxrs.sso.ExceptionReadToken",
  ssoTokenExpired: "com.x.organization.assemble.authentication.jaxrs.sso.ExceptionTokenExpired",
  ssoAdmin: "com.x.organization.assemble.authentication.jaxrs.sso.ExceptionAdmin",
  personNotExist: "com.x.base.core.project.exception.ExceptionPersonNotExist",
} as const;

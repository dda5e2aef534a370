import type { EmuResponse } from "../vendor.js";

/**
 * ISDP's answers. Writes answer HTTP 200 with the envelope `{status, msg, data, success,
 * failed}` (https://support.huaweicloud.com/api-isdp/api_01_0402.html); the gateway answers
 * OAuth2 errors `{error, error_description}` (api_01_0019; the 401 `check_token error` example
 * of https://support.huaweicloud.com/isdp_video/iRTC_008_04-1.html).
 */
export const success = (data: unknown = null, msg: string | null = null): EmuResponse => ({
  status: 200,
  body: { status: "success", msg, data, success: true, failed: false },
  code: "success",
});

/**
 * The older envelope without the flags, as the pages of person/batchUpdate (api_01_0120) and
 * deregisterPerson (api_01_0114) show their answers.
 */
export const successWithoutFlags = (msg: string | null = null): EmuResponse => ({
  status: 200,
  body: { status: "success", msg, data: null },
  code: "success",
});

/** A refused write: still HTTP 200, the reason in `msg` (the vendor publishes no codes). */
export const failed = (msg: string): EmuResponse => ({
  status: 200,
  body: { status: "failed", msg, data: null, success: false, failed: true },
  code: "failed",
});

/** deregisterPerson's documented answer text (api_01_0114). */
export const DEREGISTERED_MSG = "注销人员成功";

export const oauthError = (status: number, error: string, description: string): EmuResponse => ({
  status,
  body: { error, error_description: description },
  code: error,
});

export const INVALID_TOKEN = oauthError(401, "invalid_token", "check_token error");

/** The API gateway's throttling answer (unverified for ISDP: Huawei's API gateway shape). */
export const THROTTLED: EmuResponse = { status: 429, body: { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached" }, code: 429 };

/** The shape a Spring Boot service gives HTTP errors outside the envelope. */
export function springError(status: number, error: string, path: string): EmuResponse {
  return { status, body: { timestamp: new Date().toISOString(), status, error, path }, code: status };
}

/** A getPersonList page: no status field (api_01_0395). */
export function personPage(rows: unknown[], start: number, total: number | undefined): EmuResponse {
  const body = total === undefined ? { data: rows, pos: start, entityName: null } : { data: rows, pos: start, total_count: total, entityName: null, totalCount: total };
  return { status: 200, body, code: "page" };
}

import type { EmuResponse } from "../vendor.js";

/** The v5 envelope `{errcode, errmsg, data}` (SDK `OpenapiResponse`): HTTP 200, "成功" on success (department/updateStatus.html). */
export function ok(data: unknown = null): EmuResponse {
  return { status: 200, body: { errcode: 0, errmsg: "成功", data }, code: 0 };
}

/** A business refusal in the envelope, HTTP 200. */
export function fail(errcode: number, errmsg: string): EmuResponse {
  return { status: 200, body: { errcode, errmsg, data: null }, code: errcode };
}

/** Spring-OAuth2 style answers of the token endpoint (authentication.html) and of calls with a bad token. */
export function oauthError(status: number, error: string, description: string): EmuResponse {
  return { status, body: { error, error_description: description }, code: error };
}

/** A gateway-level answer with an HTTP error status (throttling, server trouble); the body is unverified. */
export function httpError(status: number, error: string): EmuResponse {
  return { status, body: { timestamp: Date.now(), status, error }, code: status };
}

/**
 * The emulator's own errcodes for its refusals. The vendor publishes no catalogue, so these
 * numbers and messages are the emulator's invention: the driver does not depend on any of them
 * (it shows a non-zero errcode as it came), and tests must not expect the real vendor to use them.
 */
export const CODE = {
  invalidParameter: 40000,
  badSignature: 40001,
  staleTimestamp: 40002,
  tokenInvalid: 40100,
  companyRequired: 40300,
  tooFrequent: 42900,
  writeInProgress: 50002,
  departmentNotFound: 60001,
  duplicateCode: 60002,
  hasChildren: 60003,
  hasEmployees: 60004,
  employeeNotFound: 60005,
  unknownType: 60006,
  invalidField: 60007,
  badParent: 60008,
} as const;

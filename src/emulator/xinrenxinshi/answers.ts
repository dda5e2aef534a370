import type { EmuResponse } from "../vendor.js";

/** The v5 envelope: HTTP 200 for business errors too. */
export function ok(data: unknown = null): EmuResponse {
  return { status: 200, body: { errcode: 0, errmsg: "成功", data }, code: 0 };
}

export function fail(errcode: number, errmsg: string): EmuResponse {
  return { status: 200, body: { errcode, errmsg, data: null }, code: errcode };
}

/** Spring-OAuth2 style answers of the token endpoint and of calls with a bad token. */
export function oauthError(status: number, error: string, description: string): EmuResponse {
  return { status, body: { error, error_description: description }, code: error };
}

/** Codes the emulator answers with (the vendor publishes no catalogue; see the driver's errors.ts). */
export const CODE = {
  invalidParameter: 40000,
  badSignature: 40001,
  staleTimestamp: 40002,
  tooFrequent: 42900,
  systemBusy: 50001,
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

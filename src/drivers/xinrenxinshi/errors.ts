import type { FailureClass } from "../../model/errors.js";

/**
 * Xinrenxinshi publishes no errcode catalogue (vendor notes 2.3). These are the codes orgform's
 * emulator answers with, chosen to match the failures the vendor documents; any other non-zero
 * code is treated as a refusal of the request (invalid, never retried) and shown verbatim.
 */
export const ERRCODES = {
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

const CLASSES: Record<number, FailureClass> = {
  [ERRCODES.invalidParameter]: "invalid",
  // A signature that does not verify means the app secret is not the one the token was issued to.
  [ERRCODES.badSignature]: "auth",
  [ERRCODES.staleTimestamp]: "invalid",
  [ERRCODES.tooFrequent]: "rateLimited",
  [ERRCODES.systemBusy]: "busy",
  // Another department write is still being processed: wait and send again.
  [ERRCODES.writeInProgress]: "busy",
  [ERRCODES.departmentNotFound]: "notFound",
  [ERRCODES.duplicateCode]: "conflict",
  [ERRCODES.hasChildren]: "conflict",
  [ERRCODES.hasEmployees]: "conflict",
  [ERRCODES.employeeNotFound]: "invalid",
  [ERRCODES.unknownType]: "invalid",
  [ERRCODES.invalidField]: "invalid",
  [ERRCODES.badParent]: "invalid",
};

export function classifyErrcode(errcode: number): FailureClass {
  return CLASSES[errcode] ?? "invalid";
}

/** OAuth-style answers (`{error, error_description}`) by their `error` value. */
export function classifyOAuthError(error: string): FailureClass {
  if (error === "invalid_token") return "tokenExpired";
  if (error === "invalid_client" || error === "unauthorized_client" || error === "invalid_grant") return "auth";
  return "invalid";
}

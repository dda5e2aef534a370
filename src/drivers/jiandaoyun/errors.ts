import type { FailureClass } from "../../model/errors.js";

/**
 * Jiandaoyun error codes (HTTP 400 `{code, msg}`) by how orgform handles them. The codes
 * come from the third-party reference copy of the vendor's error table (a jdy-action
 * project's "简道云 API 完整参考手册"); 8303 from help.jodoo.com/zh_tw/open/1663.
 */
const CLASSES: Record<number, FailureClass> = {
  1: "invalid",
  1010: "notFound",
  1017: "invalid",
  1019: "invalid",
  1065: "conflict",
  1085: "invalid",
  1087: "conflict",
  1092: "invalid",
  1096: "invalid",
  1201: "notFound",
  1202: "permission",
  1203: "invalid",
  1205: "invalid",
  1206: "notFound",
  1207: "invalid",
  1208: "conflict",
  3001: "invalid",
  3005: "invalid",
  6000: "conflict",
  6001: "notFound",
  6002: "notFound",
  6003: "conflict",
  6006: "conflict",
  8017: "auth",
  8301: "auth",
  8302: "permission",
  8303: "rateLimited",
  8304: "rateLimited",
  9004: "busy",
  9007: "busy",
  17018: "auth",
  17052: "auth",
  17053: "auth",
  17054: "auth",
};

/** A code orgform does not know is reported as it came and never retried. */
export function classifyCode(code: number): FailureClass {
  return CLASSES[code] ?? "invalid";
}

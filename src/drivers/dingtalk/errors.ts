import type { FailureClass } from "../../model/errors.js";
import type { Envelope } from "./wire.js";

/**
 * DingTalk errcodes by how orgform handles them. Sources: mabiji.com/dingtalk/errcode.html
 * (global codes, the 88 wrapper), 007gzs/dingtalk-sdk `dingtalk/client/__init__.py` (the
 * codes it refreshes its token on), ali-sdk/node-dingtalk#32 (90002), passwa11/ekp
 * `DingErrorCodeConstant.java` (90005, 90006, 90018), dingtalk.com/qidian/help-detail-1061621972.html (90020).
 */
const CLASSES: Record<number, FailureClass> = {
  [-1]: "busy",
  22: "invalid",
  88: "permission",
  33001: "tokenExpired",
  40001: "tokenExpired",
  40014: "tokenExpired",
  42001: "tokenExpired",
  40089: "auth",
  /** A wrong app key or secret on /gettoken (a captured live answer, 2026-09-11). */
  40096: "auth",
  43007: "permission",
  60011: "permission",
  60020: "permission",
  60003: "notFound",
  60121: "notFound",
  90002: "rateLimited",
  90005: "rateLimited",
  90006: "rateLimited",
  90018: "rateLimited",
  90019: "rateLimited",
  /** The company's monthly API quota is used up: retrying this month cannot help. */
  90020: "invalid",
  400002: "invalid",
};

/**
 * On `/topapi/*` the gateway wraps token and permission failures in errcode 88 and names the
 * cause in a string `sub_code` (captured: 88/"40014" for an invalid token, 88/"40000" for a
 * blank one; a Go SSO service refreshes its token on sub_code "40014"). Token-like sub_codes
 * make the core refresh the token once and repeat the call.
 */
const SUB_CODES: Record<string, FailureClass> = {
  "40014": "tokenExpired",
  "40000": "tokenExpired",
  "42001": "tokenExpired",
  "33001": "tokenExpired",
  "60011": "permission",
};

export function classifyAnswer(answer: Envelope): FailureClass {
  if (answer.errcode === 88 && answer.sub_code !== undefined) {
    return SUB_CODES[String(answer.sub_code)] ?? CLASSES[88] ?? "permission";
  }
  return CLASSES[answer.errcode] ?? "invalid";
}

/** The vendor's message: for a wrapped failure the `sub_msg` and `sub_code`, which say what happened. */
export function answerMessage(answer: Envelope): string {
  if (answer.sub_code === undefined) return answer.errmsg ?? "";
  return `${answer.sub_msg ?? answer.errmsg ?? ""} (sub_code ${String(answer.sub_code)})`;
}

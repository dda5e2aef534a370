import { randomBytes } from "node:crypto";
import type { EmuResponse } from "../vendor.js";

/**
 * DingTalk oapi answers: HTTP 200 with `errcode` (0 = success) and `request_id`. Texts are the
 * vendor's where a captured answer shows them (a credential-free probe log of oapi.dingtalk.com,
 * 2026-09-11; ali-sdk/node-dingtalk#32; tianjinsc.cn/default/894239.html).
 */
export function ok(payload: Record<string, unknown> = {}): EmuResponse {
  return { status: 200, body: { errcode: 0, errmsg: "ok", ...payload, request_id: requestId() }, code: 0 };
}

export function fail(errcode: number, errmsg: string, extra: Record<string, unknown> = {}): EmuResponse {
  return { status: 200, body: { errcode, ...extra, errmsg, request_id: requestId() }, code: errcode };
}

/** Captured on /gettoken with a made-up appkey. */
export const wrongAppSecret = (): EmuResponse => fail(40096, "不合法的appKey或appSecret");

/** `/topapi/*` wraps token failures in errcode 88: sub_code "40014" invalid (or lapsed), "40000" blank. */
export function tokenRefused(blank: boolean): EmuResponse {
  const [subCode, subMsg] = blank ? ["40000", "access_token is blank"] : ["40014", "不合法的access_token"];
  return fail(88, `ding talk error[subcode=${subCode},submsg=${subMsg}]`, { sub_code: subCode, sub_msg: subMsg });
}

/** The app lacks the permission for this API: 88 with sub_code 60011 (mabiji.com/dingtalk/errcode.html). */
export function permissionRefused(): EmuResponse {
  const subMsg = "没有调用该接口的权限";
  return fail(88, `ding talk error[subcode=60011,submsg=${subMsg}]`, { sub_code: "60011", sub_msg: subMsg });
}

/** The gateway's answer for an API name it does not know. */
export function unknownApi(path: string): EmuResponse {
  const subMsg = `不合法ApiName，ApiName = dingtalk.oapi${path.slice("/topapi".length).replace(/\//g, ".")}`;
  return fail(22, `Invalid method[submsg=${subMsg}]`, { sub_msg: subMsg });
}

export const uriNotFound = (): EmuResponse => fail(404, "请求的URI地址不存在");

/** The app went over its per-second quota for one API (the code is passwa11/ekp's; the text is unverified). */
export const appRateLimited = (): EmuResponse => fail(90018, "the app has called this API too often this second; try again later");

/** The per-IP block: no errcode at all. */
export function ipBlocked(): EmuResponse {
  return { status: 200, body: { status: 1111, wait: 5, source: "x5", punish: "deny", uuid: requestId() }, code: "ip-block" };
}

export const invalidParameter = (what: string): EmuResponse => fail(400002, `invalid parameter: ${what}`);

function requestId(): string {
  return randomBytes(6).toString("hex");
}

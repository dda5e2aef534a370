import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { answerProblem } from "../kit/wire.js";
import { malformed, parseJsonBody } from "../kit/answer.js";
import { isRetryable } from "../../model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { API, COMPANY_HEADER, TOKEN_LIFETIME_S, TOKEN_RENEW_EARLY_S } from "./api.js";
import { classifyStatus, errmsgIsAboutToken, mentionsInvalidToken } from "./errors.js";
import { signBody } from "./sign.js";
import { readToken, tokenAnswer } from "./wire.js";

/** Kept for callers that name the token path directly. */
export const TOKEN_PATH = API.token;

type Json = Record<string, unknown>;

export interface XinrenxinshiCredentials {
  appKey: string;
  appSecret: string;
  /** The company of a group account, sent as the `companyId` header when set. */
  companyId?: string;
}

/**
 * Xinrenxinshi open API v5: a client-credentials token from `/authorize/oauth/token`, then every
 * call is a JSON POST carrying `timestamp` (epoch ms) in the body, the token in the
 * `access_token` header and `sign` (HMAC-SHA1 of the exact body with the app secret, Base64,
 * URL-encoded once) in the query, as the SDK's `HttpUtil.doPostWithJson` does. Answers are
 * `{errcode, errmsg, data}` (SDK `OpenapiResponse`); token problems come OAuth-style.
 */
export class XinrenxinshiClient implements VendorClient {
  private readonly token = new TokenCache(TOKEN_RENEW_EARLY_S, TOKEN_LIFETIME_S);
  private readonly endpoint: string;
  private readonly credentials: XinrenxinshiCredentials;

  constructor(endpoint: string, appKey: string, appSecret: string, options: { companyId?: string } = {}) {
    this.endpoint = endpoint.replace(/\/+$/, "");
    this.credentials = { appKey, appSecret, ...(options.companyId ? { companyId: options.companyId } : {}) };
  }

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    return {
      method: "POST",
      path: API.token,
      body: { grant_type: "client_credentials", client_id: this.credentials.appKey, client_secret: this.credentials.appSecret },
      bucket: API.token,
    };
  }

  acceptToken(data: unknown, now: number): void {
    const answer = readToken(data);
    this.token.accept(answer.access_token, answer.expires_in, now);
  }

  invalidateToken(): void {
    this.token.expire();
  }

  /** Timestamp and signature are made here, so every attempt (retries too) is signed afresh. */
  prepare(request: VendorRequest, now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    if (request.path === API.token) {
      // Form-encoded in the body, as the SDK and coobin/xrxs2ldap send it: the secret stays out of URLs.
      const form = new URLSearchParams(Object.entries((request.body ?? {}) as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]));
      return { method: "POST", url: url.toString(), headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, body: form.toString() };
    }
    const body = JSON.stringify({ ...((request.body ?? {}) as Json), timestamp: now });
    url.searchParams.set("sign", signBody(this.credentials.appSecret, body));
    const headers: Record<string, string> = { "content-type": "application/json;charset=UTF-8", access_token: this.token.value ?? "" };
    if (this.credentials.companyId) headers[COMPANY_HEADER] = this.credentials.companyId;
    return { method: request.method, url: url.toString(), headers, body };
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const body = parseJsonBody(response);
    const json = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Json) : undefined;
    if (request.path === API.token) return tokenOutcome(response, json);
    // A success is read first, so department data that happens to contain "invalid_token" stays data.
    if (response.status < 300 && json?.["errcode"] === 0) return { ok: true, data: json };
    const byStatus = classifyStatus(response.status);
    if (byStatus === "rateLimited" || byStatus === "server") return { ok: false, failure: byStatus, code: `HTTP ${response.status}`, message: messageOf(json) ?? `HTTP ${response.status}` };
    if (byStatus === "tokenExpired" || mentionsInvalidToken(response)) {
      return { ok: false, failure: "tokenExpired", code: stringOf(json?.["error"]) ?? stringOf(json?.["errcode"]) ?? `HTTP ${response.status}`, message: messageOf(json) ?? "the access token was not accepted" };
    }
    if (response.status === 404) return { ok: false, failure: "notFound", code: "HTTP 404", message: `no such API: ${request.path}` };
    if (response.status === 403) return { ok: false, failure: "permission", code: "HTTP 403", message: messageOf(json) ?? "the app may not call this API" };
    if (!json) return malformed(response, "the body is not JSON");
    const errcode = json["errcode"];
    if (typeof errcode !== "number") {
      if (response.status >= 400) return { ok: false, failure: "invalid", code: stringOf(json["error"]) ?? `HTTP ${response.status}`, message: messageOf(json) ?? `HTTP ${response.status}` };
      return malformed(response, "errcode is missing");
    }
    const errmsg = typeof json["errmsg"] === "string" ? json["errmsg"] : "";
    // No catalogue exists: the code and message are shown exactly as they came.
    return { ok: false, failure: errmsgIsAboutToken(errmsg) ? "tokenExpired" : "invalid", code: errcode, message: errmsg };
  }

  secrets(): string[] {
    return [this.credentials.appSecret, this.token.value ?? ""].filter(Boolean);
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function messageOf(json: Json | undefined): string | undefined {
  return stringOf(json?.["errmsg"]) ?? stringOf(json?.["error_description"]) ?? stringOf(json?.["message"]) ?? stringOf(json?.["error"]);
}

function tokenOutcome(response: HttpResponse, json: Json | undefined): Outcome {
  const byStatus = classifyStatus(response.status);
  const retryable = byStatus !== undefined && isRetryable(byStatus);
  if (json && response.status === 200 && answerProblem(tokenAnswer, json) === undefined) return { ok: true, data: json };
  if (retryable) return { ok: false, failure: byStatus, code: `HTTP ${response.status}`, message: messageOf(json) ?? "the token endpoint failed" };
  if (!json) return malformed(response, "the token answer is not JSON");
  if (typeof json["error"] === "string") {
    // A token request refused for a lasting reason (`invalid_client`): the app key or secret is wrong.
    return { ok: false, failure: "auth", code: json["error"], message: messageOf(json) ?? json["error"] };
  }
  if (typeof json["errcode"] === "number" && json["errcode"] !== 0) return { ok: false, failure: "auth", code: json["errcode"], message: messageOf(json) ?? "" };
  return malformed(response, "access_token is missing");
}

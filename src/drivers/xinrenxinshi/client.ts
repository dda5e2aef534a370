import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { malformed, parseJsonBody, statusFailure } from "../kit/answer.js";
import { isRetryable } from "../../model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { classifyErrcode, classifyOAuthError } from "./errors.js";
import { signBody } from "./sign.js";

export const TOKEN_PATH = "/authorize/oauth/token";

type Json = Record<string, unknown>;

/**
 * Xinrenxinshi open API v5: a client-credentials token from `/authorize/oauth/token`, then every
 * call is a JSON POST carrying `timestamp` (epoch ms) in the body, the token in the
 * `access_token` header and `sign` (HMAC-SHA1 of the body with the app secret) in the query.
 * Answers are `{errcode, errmsg, data}` with HTTP 200; token problems come OAuth-style.
 */
export class XinrenxinshiClient implements VendorClient {
  private readonly token = new TokenCache(300, 7199);
  private readonly endpoint: string;

  constructor(
    endpoint: string,
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {
    this.endpoint = endpoint.replace(/\/+$/, "");
  }

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    return {
      method: "POST",
      path: TOKEN_PATH,
      body: { grant_type: "client_credentials", client_id: this.appKey, client_secret: this.appSecret },
      bucket: TOKEN_PATH,
    };
  }

  acceptToken(data: unknown, now: number): void {
    const answer = data as { access_token: string; expires_in?: unknown };
    this.token.accept(answer.access_token, answer.expires_in, now);
  }

  invalidateToken(): void {
    this.token.expire();
  }

  /** Timestamp and signature are made here, so every attempt (retries too) is signed afresh. */
  prepare(request: VendorRequest, now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    if (request.path === TOKEN_PATH) {
      const form = new URLSearchParams(Object.entries((request.body ?? {}) as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]));
      return { method: "POST", url: url.toString(), headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, body: form.toString() };
    }
    const body = JSON.stringify({ ...((request.body ?? {}) as Json), timestamp: now });
    url.searchParams.set("sign", signBody(this.appSecret, body));
    return {
      method: request.method,
      url: url.toString(),
      headers: { "content-type": "application/json;charset=UTF-8", access_token: this.token.value ?? "" },
      body,
    };
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const body = parseJsonBody(response);
    const json = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Json) : undefined;
    if (request.path === TOKEN_PATH) return tokenOutcome(response, json);
    if (response.status === 404) return { ok: false, failure: "notFound", code: "HTTP 404", message: `no such API: ${request.path}` };
    if (!json) return malformed(response, "the body is not JSON");
    if (typeof json["errcode"] !== "number") {
      if (typeof json["error"] === "string") return oauthFailure(response, json);
      const httpFailure = statusFailure(response);
      if (httpFailure) return { ok: false, failure: httpFailure, code: `HTTP ${response.status}`, message: String(json["errmsg"] ?? json["message"] ?? "server error") };
      return malformed(response, "errcode is missing");
    }
    if (json["errcode"] === 0) return { ok: true, data: json };
    return { ok: false, failure: classifyErrcode(json["errcode"]), code: json["errcode"], message: String(json["errmsg"] ?? "") };
  }

  secrets(): string[] {
    return [this.appSecret, this.token.value ?? ""].filter(Boolean);
  }
}

function tokenOutcome(response: HttpResponse, json: Json | undefined): Outcome {
  if (!json) return malformed(response, "the token answer is not JSON");
  if (response.status === 200 && typeof json["access_token"] === "string" && json["access_token"] !== "") return { ok: true, data: json };
  if (typeof json["error"] === "string") {
    const outcome = oauthFailure(response, json);
    // A token request refused for a lasting reason means the app key or secret is wrong.
    return outcome.ok || isRetryable(outcome.failure) ? outcome : { ...outcome, failure: "auth" };
  }
  if (typeof json["errcode"] === "number" && json["errcode"] !== 0) {
    // The gateway in front of the token endpoint answers throttling in the v5 envelope.
    const failure = classifyErrcode(json["errcode"]);
    return { ok: false, failure: isRetryable(failure) ? failure : "auth", code: json["errcode"], message: String(json["errmsg"] ?? "") };
  }
  const httpFailure = statusFailure(response);
  if (httpFailure) return { ok: false, failure: httpFailure, code: `HTTP ${response.status}`, message: "the token endpoint failed" };
  return malformed(response, "access_token is missing");
}

function oauthFailure(response: HttpResponse, json: Json): Outcome {
  const error = String(json["error"]);
  const failure = statusFailure(response) ?? classifyOAuthError(error);
  return { ok: false, failure, code: error, message: String(json["error_description"] ?? error) };
}

import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { malformed, parseJsonBody, statusFailure } from "../kit/answer.js";
import { isRetryable } from "../../model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { classifyErrcode } from "./errors.js";

export const TOKEN_PATH = "/gettoken";

interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

/**
 * DingTalk oapi: `GET /gettoken?appkey&appsecret`, then `access_token` in the query of every
 * call; JSON bodies; HTTP 200 with `errcode` for business errors.
 */
export class DingTalkClient implements VendorClient {
  private readonly token = new TokenCache(200, 7200);

  constructor(
    private readonly endpoint: string,
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {}

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    return { method: "GET", path: TOKEN_PATH, query: { appkey: this.appKey, appsecret: this.appSecret }, bucket: "gettoken" };
  }

  acceptToken(data: unknown, now: number): void {
    const answer = data as TokenAnswer;
    this.token.accept(answer.access_token, answer.expires_in, now);
  }

  invalidateToken(): void {
    this.token.expire();
  }

  prepare(request: VendorRequest, _now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    if (request.path !== TOKEN_PATH) url.searchParams.set("access_token", this.token.value ?? "");
    const prepared: HttpRequest = { method: request.method, url: url.toString(), headers: {} };
    if (request.body !== undefined) {
      prepared.headers["content-type"] = "application/json";
      prepared.body = JSON.stringify(request.body);
    }
    return prepared;
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const body = parseJsonBody(response) as { errcode?: unknown; errmsg?: unknown; access_token?: unknown } | undefined;
    if (body === undefined || typeof body !== "object" || body === null) {
      return malformed(response, "the body is not JSON");
    }
    const httpFailure = statusFailure(response);
    if (httpFailure && typeof body.errcode !== "number") return { ok: false, failure: httpFailure, code: `HTTP ${response.status}`, message: String(body.errmsg ?? "server error") };
    if (typeof body.errcode !== "number") return malformed(response, "errcode is missing");
    if (body.errcode === 0) {
      if (request.path === TOKEN_PATH && typeof body.access_token !== "string") return malformed(response, "access_token is missing");
      return { ok: true, data: body };
    }
    const cls = classifyErrcode(body.errcode);
    // A token request that fails for any lasting reason means the app key or secret is wrong.
    const failure = request.path === TOKEN_PATH && !isRetryable(cls) ? "auth" : cls;
    return { ok: false, failure, code: body.errcode, message: String(body.errmsg ?? "") };
  }

  secrets(): string[] {
    return [this.appSecret, this.token.value ?? ""].filter(Boolean);
  }
}

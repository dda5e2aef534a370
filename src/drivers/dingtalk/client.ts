import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { malformed, parseJsonBody, statusFailure } from "../kit/answer.js";
import { isRetryable } from "../../model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { API, IP_BLOCK, TOKEN_LIFETIME_SECONDS } from "./api.js";
import { answerMessage, classifyAnswer } from "./errors.js";
import { isTokenAnswer, readEnvelope, readIpBlock, readToken } from "./wire.js";

/**
 * DingTalk oapi: `GET /gettoken?appkey&appsecret`, then `access_token` in the query of every
 * call (official SDK `DefaultDingTalkClient.java`); JSON bodies; HTTP 200 with `errcode` for
 * business errors.
 */
export class DingTalkClient implements VendorClient {
  private readonly token = new TokenCache(200, TOKEN_LIFETIME_SECONDS);

  constructor(
    private readonly endpoint: string,
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {}

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    return { method: "GET", path: API.token, query: { appkey: this.appKey, appsecret: this.appSecret }, bucket: API.token };
  }

  acceptToken(data: unknown, now: number): void {
    const answer = readToken(data);
    this.token.accept(answer.access_token, answer.expires_in, now);
  }

  invalidateToken(): void {
    this.token.expire();
  }

  prepare(request: VendorRequest, _now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    if (request.path !== API.token) url.searchParams.set("access_token", this.token.value ?? "");
    const prepared: HttpRequest = { method: request.method, url: url.toString(), headers: {} };
    if (request.body !== undefined) {
      prepared.headers["content-type"] = "application/json";
      prepared.body = JSON.stringify(request.body);
    }
    return prepared;
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    // Checked first: the block has no errcode and may come as an HTML page.
    const block = readIpBlock(response.body);
    if (block) return ipBlocked(block.wait);
    const body = parseJsonBody(response);
    if (body === undefined) return malformed(response, "the body is not JSON");
    const answer = readEnvelope(body);
    if (!answer) {
      const httpFailure = statusFailure(response);
      if (httpFailure) return { ok: false, failure: httpFailure, code: `HTTP ${response.status}`, message: "server error" };
      return malformed(response, "errcode is missing");
    }
    if (answer.errcode === 0) {
      if (request.path === API.token && !isTokenAnswer(body)) return malformed(response, "access_token is missing");
      return { ok: true, data: body };
    }
    const cls = classifyAnswer(answer);
    // A token request that fails for any lasting reason means the app key or secret is wrong.
    const failure = request.path === API.token && !isRetryable(cls) ? "auth" : cls;
    return { ok: false, failure, code: answer.errcode, message: answerMessage(answer) };
  }

  secrets(): string[] {
    return [this.appSecret, this.token.value ?? ""].filter(Boolean);
  }
}

/** Not retried: the block lasts minutes, and every call while it lasts is refused. */
function ipBlocked(wait: string | undefined): Outcome {
  const { calls, windowSeconds, blockMinutes } = IP_BLOCK;
  const waitText = wait === undefined ? "" : ` (the answer says wait ${wait})`;
  return {
    ok: false,
    failure: "unknown",
    code: "IP blocked",
    message: `DingTalk blocks this machine's egress IP for too many calls (more than ${calls} in ${windowSeconds} s from one IP; the block lasts about ${blockMinutes} minutes)${waitText}; run again after the block ends`,
  };
}

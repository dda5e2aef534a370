import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { malformed, parseJsonBody } from "../kit/answer.js";
import { answerProblem, readAnswer } from "../kit/wire.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { TOKEN_PATH } from "./api.js";
import { classifyFailedMessage, classifyHttp, oauthErrorIn } from "./errors.js";
import { envelopeOf, TOKEN_ANSWER } from "./wire.js";

export { TOKEN_PATH };
/** Lifetime assumed when a token answer names none (the shortest the vendor's examples show). */
const FALLBACK_TTL_SECONDS = 359;

export interface IsdpCredentials {
  clientId: string;
  /** The application id. */
  username: string;
  /** The application token. */
  password: string;
}

/**
 * Huawei ISDP OpenAPI: an OAuth2 password-grant token from `/oauth2/oauth/rest_token`, then
 * `Authorization: bearer <token>` on JSON POSTs. Answers are the `{status, msg, data, success,
 * failed}` envelope, or `{data, pos, totalCount}` for paged queries; the gateway answers HTTP
 * 401 `invalid_token` once a token has expired.
 */
export class IsdpClient implements VendorClient {
  /** Lifetimes are short (often a few minutes): renew a tenth early, at most a minute early. */
  private readonly token = new TokenCache(60, FALLBACK_TTL_SECONDS);
  private tokenType = "bearer";

  constructor(
    private readonly endpoint: string,
    private readonly credentials: IsdpCredentials,
  ) {}

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    const { clientId, username, password } = this.credentials;
    return {
      method: "POST",
      path: TOKEN_PATH,
      body: { client_id: clientId, client_secret: clientId, grant_type: "password", username, password },
      bucket: TOKEN_PATH,
    };
  }

  acceptToken(data: unknown, now: number): void {
    const answer = readAnswer("isdp", TOKEN_ANSWER, data, { method: "POST", path: TOKEN_PATH });
    this.token.accept(answer.access_token, answer.expires_in, now);
    this.tokenType = answer.token_type ? answer.token_type : "bearer";
  }

  invalidateToken(): void {
    this.token.expire();
  }

  prepare(request: VendorRequest, _now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (request.path !== TOKEN_PATH) headers["authorization"] = `${this.tokenType} ${this.token.value ?? ""}`;
    const prepared: HttpRequest = { method: request.method, url: url.toString(), headers };
    prepared.body = JSON.stringify(request.body ?? {});
    return prepared;
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const { body, isObject } = envelopeOf(parseJsonBody(response));
    const oauthError = oauthErrorIn(response.status, body, response.body);
    const httpFailure = classifyHttp(response.status, oauthError);
    if (httpFailure) {
      // A token request that is refused for a lasting reason means the credentials are wrong.
      const failure = request.path === TOKEN_PATH && httpFailure !== "rateLimited" && httpFailure !== "server" ? "auth" : httpFailure;
      const detail = body.error_description ?? body.msg ?? body.error_msg ?? body["error"] ?? body[" error"];
      return { ok: false, failure, code: oauthError ?? `HTTP ${response.status}`, message: String(detail ?? `HTTP ${response.status}`) };
    }
    if (!isObject) return malformed(response, "the body is not a JSON object");
    if (request.path === TOKEN_PATH) {
      const problem = answerProblem(TOKEN_ANSWER, body);
      return problem ? malformed(response, problem) : { ok: true, data: body };
    }
    if (body.status === "failed" || body.failed === true) {
      const message = typeof body.msg === "string" && body.msg ? body.msg : "the vendor refused the request without a reason";
      return { ok: false, failure: classifyFailedMessage(message), code: "failed", message };
    }
    if (body.status === "success" || body.success === true) return { ok: true, data: body };
    // Some APIs put an HTTP status line in `status` ("200 OK") with both flags false.
    if (typeof body.status === "string" && /^2\d\d\b/.test(body.status)) return { ok: true, data: body };
    // Paged queries answer without a status: `{data: [...], pos, totalCount}`.
    if (Array.isArray(body.data) && body.status === undefined) return { ok: true, data: body };
    return malformed(response, "neither a status nor a page of data");
  }

  secrets(): string[] {
    return [this.credentials.password, this.token.value ?? ""].filter(Boolean);
  }
}

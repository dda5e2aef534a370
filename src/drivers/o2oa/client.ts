import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { malformed, parseJsonBody } from "../kit/answer.js";
import { DriverError, isRetryable, type FailureClass } from "../../model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { DEFAULT_TOKEN_NAME, LOGIN_PATH, SSO_PATH, SYNC_PATH } from "./api.js";
import { classifyPlatformError, classifySyncError, promptCode } from "./errors.js";
import { encryptTypeOf, ssoToken, type EncryptType } from "./sso.js";
import { envelopeSchema, loginSchema, syncValueSchema, type ListPage } from "./wire.js";

export interface O2oaCredentials {
  credential: string;
  password?: string;
  client?: string;
  key?: string;
  /** The server's `person.encryptType` for SSO tokens: DES (default, empty), AES or SM4. */
  encryptType?: string;
  /** The server's `person.tokenName` (default `x-token`). */
  tokenName?: string;
}

/**
 * O2OA: a login (password, or SSO with a client name and shared key) returns a token that
 * travels under the server's token name (`x-token` unless `person.tokenName` says otherwise;
 * HttpToken.java reads it from the query, a cookie or a header of that name). Answers may carry
 * a newer token under the same name, which replaces the old. Every answer is the
 * `ActionResult` envelope; errors are HTTP 500 with `type: error`, or 401 from a token filter.
 */
export class O2oaClient implements VendorClient {
  /** O2OA tokens carry no lifetime: one is used until the server stops honouring it. */
  private readonly token = new TokenCache(0, Infinity);
  private lastSsoToken: string | undefined;
  private readonly tokenName: string;
  private readonly encryptType: EncryptType | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly credentials: O2oaCredentials,
  ) {
    this.tokenName = (credentials.tokenName ?? "").trim().toLowerCase() || DEFAULT_TOKEN_NAME;
    this.encryptType = encryptTypeOf(credentials.encryptType);
  }

  /** SSO when a client and key are configured, else the password login. */
  private get usesSso(): boolean {
    return Boolean(this.credentials.client && this.credentials.key);
  }

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    const { credential, password, client, key } = this.credentials;
    if (!this.usesSso) return { method: "POST", path: LOGIN_PATH, body: { credential, password: password ?? "" }, bucket: LOGIN_PATH };
    const call = { method: "POST", path: SSO_PATH };
    if (!this.encryptType) throw new DriverError("o2oa", "auth", undefined, `encryptType "${this.credentials.encryptType ?? ""}" is not one O2OA offers (DES, AES or SM4)`, call);
    try {
      this.lastSsoToken = ssoToken(credential, key ?? "", now, this.encryptType);
    } catch (err) {
      throw new DriverError("o2oa", "auth", undefined, err instanceof Error ? err.message : String(err), call);
    }
    return { method: "POST", path: SSO_PATH, body: { client, token: this.lastSsoToken }, bucket: SSO_PATH };
  }

  acceptToken(data: unknown, now: number): void {
    if (loginSchema.validate(data)) this.token.accept(data.token, undefined, now);
  }

  invalidateToken(): void {
    this.token.expire();
  }

  prepare(request: VendorRequest, _now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: "application/json" };
    if (!isLogin(request.path) && this.token.value) headers[this.tokenName] = this.token.value;
    const prepared: HttpRequest = { method: request.method, url: url.toString(), headers };
    if (request.body !== undefined) {
      headers["content-type"] = "application/json; charset=utf-8";
      prepared.body = JSON.stringify(request.body);
    }
    return prepared;
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const envelope = parseJsonBody(response);
    if (!envelopeSchema.validate(envelope)) {
      // A bare 401 from a proxy or an older filter still means the session is not valid.
      if (response.status === 401 && !isLogin(request.path)) return { ok: false, failure: "tokenExpired", code: "HTTP 401", message: "the server refused the session (HTTP 401)" };
      return malformed(response, "the body is not an O2OA envelope");
    }
    const login = isLogin(request.path);
    if (envelope.type === "error" || envelope.type === "connectFatal" || response.status >= 400) {
      const message = typeof envelope.message === "string" && envelope.message ? envelope.message : `${envelope.type} (HTTP ${response.status})`;
      const prompt = typeof envelope.prompt === "string" && envelope.prompt ? envelope.prompt : undefined;
      let failure: FailureClass = envelope.type === "connectFatal" ? "server" : classifyPlatformError(message, prompt, response.status);
      // A refused login is a credentials problem whatever the platform called it.
      if (login && !isRetryable(failure)) failure = "auth";
      return { ok: false, failure, code: prompt ? promptCode(prompt) : `HTTP ${response.status}`, message };
    }
    const data = envelope.data;
    if (login) {
      if (!loginSchema.validate(data)) return malformed(response, "the login answer has no data.token");
      return { ok: true, data };
    }
    if (request.path === SYNC_PATH) {
      if (!syncValueSchema.validate(data)) return malformed(response, "the sync answer has no data.value.result");
      const value = data.value;
      if (value.result !== "success") {
        // HTTP 200 and type success, yet the script says the action failed.
        const description = typeof value.description === "string" && value.description ? value.description : "the sync script reported an error";
        return { ok: false, failure: classifySyncError(description), code: `result:${value.result}`, message: description };
      }
      this.adoptToken(response);
      return { ok: true, data: value };
    }
    this.adoptToken(response);
    // A listing's total travels beside its rows: fetch stops once it has read that many.
    if (Array.isArray(data)) return { ok: true, data: { rows: data, total: typeof envelope.count === "number" ? envelope.count : undefined } satisfies ListPage };
    return { ok: true, data };
  }

  secrets(): string[] {
    return [this.credentials.password, this.credentials.key, this.lastSsoToken, this.token.value].filter((s): s is string => Boolean(s));
  }

  /** The session token now in use (for tests and diagnostics; never printed). */
  currentToken(): string | undefined {
    return this.token.value;
  }

  /** Authenticated answers re-issue the token under the server's token name; keep the newest. */
  private adoptToken(response: HttpResponse): void {
    const fresh = response.headers[this.tokenName];
    if (fresh && fresh !== "anonymous" && this.token.value) this.token.value = fresh;
  }
}

function isLogin(path: string): boolean {
  return path === LOGIN_PATH || path === SSO_PATH;
}

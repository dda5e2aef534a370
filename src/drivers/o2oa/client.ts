import type { Outcome, VendorClient } from "../driver.js";
import { TokenCache } from "../kit/token-cache.js";
import { malformed, parseJsonBody } from "../kit/answer.js";
import { DriverError, isRetryable, type FailureClass } from "../../model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../model/request.js";
import { classifyPlatformError, classifySyncError, promptCode } from "./errors.js";
import { SYNC_PATH } from "./kinds/unit-body.js";
import { ssoToken } from "./sso.js";

export const LOGIN_PATH = "/x_organization_assemble_authentication/jaxrs/authentication";
export const SSO_PATH = "/x_organization_assemble_authentication/jaxrs/sso";
/** The header (and cookie) that carries the session token. */
export const TOKEN_HEADER = "x-token";

export interface O2oaCredentials {
  credential: string;
  password?: string;
  client?: string;
  key?: string;
}

type Envelope = { type?: unknown; data?: unknown; message?: unknown; prompt?: unknown; count?: unknown };

/** What `interpret` makes of a listing's answer. */
export interface ListPage {
  rows: unknown[];
  total: number;
}

/**
 * O2OA: a login (password, or SSO with a client name and shared key) returns a token that
 * travels as the `x-token` header; answers may carry a newer token, which replaces the old.
 * Every answer is the `ActionResult` envelope; errors are HTTP 500 with `type: error`.
 */
export class O2oaClient implements VendorClient {
  /** O2OA tokens carry no lifetime: one is used until the server stops honouring it. */
  private readonly token = new TokenCache(0, Infinity);
  private lastSsoToken: string | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly credentials: O2oaCredentials,
  ) {}

  /** SSO when a client and key are configured, else the password login. */
  private get usesSso(): boolean {
    return Boolean(this.credentials.client && this.credentials.key);
  }

  tokenRequest(now: number): VendorRequest | undefined {
    if (this.token.fresh(now)) return undefined;
    const { credential, password, client, key } = this.credentials;
    if (!this.usesSso) return { method: "POST", path: LOGIN_PATH, body: { credential, password: password ?? "" }, bucket: LOGIN_PATH };
    try {
      this.lastSsoToken = ssoToken(credential, key ?? "", now);
    } catch (err) {
      throw new DriverError("o2oa", "auth", undefined, (err as Error).message, { method: "POST", path: SSO_PATH });
    }
    return { method: "POST", path: SSO_PATH, body: { client, token: this.lastSsoToken }, bucket: SSO_PATH };
  }

  acceptToken(data: unknown, now: number): void {
    this.token.accept((data as { token: string }).token, undefined, now);
  }

  invalidateToken(): void {
    this.token.expire();
  }

  prepare(request: VendorRequest, _now: number): HttpRequest {
    const url = new URL(this.endpoint + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: "application/json" };
    if (!isLogin(request.path) && this.token.value) headers[TOKEN_HEADER] = this.token.value;
    const prepared: HttpRequest = { method: request.method, url: url.toString(), headers };
    if (request.body !== undefined) {
      headers["content-type"] = "application/json; charset=utf-8";
      prepared.body = JSON.stringify(request.body);
    }
    return prepared;
  }

  interpret(request: VendorRequest, response: HttpResponse): Outcome {
    const body = parseJsonBody(response) as Envelope | undefined;
    if (!isObject(body) || typeof body.type !== "string") return malformed(response, "the body is not an O2OA envelope");
    const login = isLogin(request.path);
    if (body.type === "error" || body.type === "connectFatal" || response.status >= 400) {
      const message = typeof body.message === "string" && body.message ? body.message : `${body.type} (HTTP ${response.status})`;
      const prompt = typeof body.prompt === "string" && body.prompt ? body.prompt : undefined;
      let failure: FailureClass = body.type === "connectFatal" ? "server" : classifyPlatformError(message, prompt);
      // A refused login is a credentials problem whatever the platform called it.
      if (login && !isRetryable(failure)) failure = "auth";
      return { ok: false, failure, code: prompt ? promptCode(prompt) : `HTTP ${response.status}`, message };
    }
    const data = body.data;
    if (login) {
      if (!isObject(data) || typeof data["token"] !== "string" || !data["token"]) return malformed(response, "the login answer has no data.token");
      return { ok: true, data };
    }
    if (request.path === SYNC_PATH) {
      const value = isObject(data) ? data["value"] : undefined;
      if (!isObject(value) || typeof value["result"] !== "string") return malformed(response, "the sync answer has no data.value.result");
      if (value["result"] !== "success") {
        // HTTP 200 and type success, yet the script says the action failed.
        const description = typeof value["description"] === "string" && value["description"] ? value["description"] : "the sync script reported an error";
        return { ok: false, failure: classifySyncError(description), code: `result:${value["result"]}`, message: description };
      }
      this.adoptToken(response);
      return { ok: true, data: value };
    }
    this.adoptToken(response);
    // A listing's total travels beside its rows: fetch stops once it has read that many.
    if (Array.isArray(data) && typeof body.count === "number") return { ok: true, data: { rows: data, total: body.count } satisfies ListPage };
    return { ok: true, data };
  }

  secrets(): string[] {
    return [this.credentials.password, this.credentials.key, this.lastSsoToken, this.token.value].filter((s): s is string => Boolean(s));
  }

  /** The session token now in use (for tests and diagnostics; never printed). */
  currentToken(): string | undefined {
    return this.token.value;
  }

  /** Authenticated answers re-issue the token; keep the newest. */
  private adoptToken(response: HttpResponse): void {
    const fresh = response.headers[TOKEN_HEADER];
    if (fresh && fresh !== "anonymous" && this.token.value) this.token.value = fresh;
  }
}

function isLogin(path: string): boolean {
  return path === LOGIN_PATH || path === SSO_PATH;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

import { createHmac, randomBytes } from "node:crypto";
import { idGenerator, parseBody, SlidingWindow, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { CODE, fail, httpError, oauthError } from "./answers.js";
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from "./departments.js";
import { cityList, departmentTypes } from "./settings.js";
import { normalizeSection, type XrxsApp, type XrxsSection } from "./state.js";

const TOKEN_PATH = "/authorize/oauth/token";
/** How far a request's timestamp may be from the emulator's clock. */
const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;
/** How long a department write takes to process, so overlapping writes meet (state `limits.writeDelayMs`). */
const DEFAULT_WRITE_DELAY_MS = 10;

interface IssuedToken {
  app: XrxsApp;
  expiresAt: number;
}

type Params = Record<string, unknown>;

/**
 * Xinrenxinshi open API v5 as the department integration sees it: client-credentials tokens,
 * the `access_token` header, `sign` = HMAC-SHA1 over the raw body, a ±5 minute timestamp window
 * (unverified), `{errcode, errmsg, data}` envelopes, one department write at a time per tenant,
 * and the department rules (adminId cleared when omitted; disabled departments keep their codes;
 * no delete with children or employees, unverified). Errcodes are the emulator's own (answers.ts).
 */
export function xinrenxinshiEmulator(section: unknown): VendorEmulator {
  let state: XrxsSection = normalizeSection(section);
  const tokens = new Map<string, IssuedToken>();
  const window = new SlidingWindow();
  const newId = idGenerator("xinrenxinshi-department");
  let writing = false;

  const reads: Record<string, (p: Params) => EmuResponse> = {
    "/v5/department/list": (p) => listDepartments(state, p),
    "/v5/department/depttype/list": () => departmentTypes(state),
    "/v5/common/citys": () => cityList(state),
  };
  const writes: Record<string, (p: Params, now: number) => EmuResponse> = {
    "/v5/department/create": (p, now) => createDepartment(state, p, now, newId),
    "/v5/department/update": (p, now) => updateDepartment(state, p, now),
    "/v5/department/delete": (p) => deleteDepartment(state, p),
  };

  function issueToken(req: EmuRequest, now: number): EmuResponse {
    const params = { ...req.query, ...parseBody(req) } as Params;
    const app = state.apps.find((a) => a.appKey === params["client_id"] && a.appSecret === params["client_secret"]);
    if (params["grant_type"] !== "client_credentials") return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${String(params["grant_type"] ?? "")}`);
    if (!app) return oauthError(400, "invalid_client", "Bad client credentials");
    const ttl = state.tokenTtlSeconds ?? 7200;
    // Like Spring's token store, a token that is still valid is handed out again.
    for (const [token, issued] of tokens) {
      if (issued.app.appKey === app.appKey && issued.expiresAt > now) {
        return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: Math.floor((issued.expiresAt - now) / 1000), scope: "OPENAPI" }, code: 0 };
      }
    }
    const token = randomBytes(16).toString("hex");
    tokens.set(token, { app, expiresAt: now + ttl * 1000 });
    return { status: 200, body: { access_token: token, token_type: "bearer", expires_in: ttl - 1, scope: "OPENAPI" }, code: 0 };
  }

  /** The answer to a missing, unknown or lapsed token, in the shape the state chooses. */
  function tokenRefused(description: string): EmuResponse {
    return state.expiredTokenAnswer === "envelope" ? fail(CODE.tokenInvalid, "access_token无效或已过期") : oauthError(401, "invalid_token", description);
  }

  /** Token, company, signature and timestamp, in the order the gateway checks them. */
  function admit(req: EmuRequest, now: number): { app: XrxsApp; params: Params } | EmuResponse {
    const token = req.headers["access_token"] ?? "";
    const issued = tokens.get(token);
    if (!issued) return tokenRefused(`Invalid access token: ${token}`);
    if (issued.expiresAt <= now) return tokenRefused(`Access token expired: ${token}`);
    const companies = state.companyIds ?? [];
    if (companies.length > 1 && !companies.includes(req.headers["companyid"] ?? "")) return fail(CODE.companyRequired, "集团账号请在Header中指定companyId");
    // A '+' left unencoded in the query arrives as a space.
    const sign = (req.query["sign"] ?? "").replace(/ /g, "+");
    const expected = createHmac("sha1", issued.app.appSecret).update(req.rawBody, "utf8").digest("base64");
    // coobin/xrxs2ldap URL-encodes the sign twice and is used in production, so a second decode is accepted.
    if (!sign || (sign !== expected && safeDecode(sign) !== expected)) return fail(CODE.badSignature, "签名校验失败");
    const params = parseBody(req);
    if (params["__invalidJson"]) return fail(CODE.invalidParameter, "请求体不是合法的JSON");
    const timestamp = Number(params["timestamp"]);
    if (params["timestamp"] === undefined || !Number.isFinite(timestamp)) return fail(CODE.invalidParameter, "timestamp不能为空");
    if (Math.abs(now - timestamp) > TIMESTAMP_WINDOW_MS) return fail(CODE.staleTimestamp, "请求已过期,timestamp与服务器时间相差超过5分钟");
    if (!window.allow(issued.app.appKey, state.limits?.qps, now)) return tooFrequent();
    return { app: issued.app, params };
  }

  /** Throttling: no source shows the vendor's answer; HTTP 429 is what any client can recognise. */
  function tooFrequent(): EmuResponse {
    return { ...httpError(429, "Too Many Requests"), body: { errcode: CODE.tooFrequent, errmsg: "接口调用过于频繁,请稍后再试", data: null } };
  }

  async function write(route: (p: Params, now: number) => EmuResponse, params: Params, now: number): Promise<EmuResponse> {
    if (writing) return fail(CODE.writeInProgress, "部门正在更新中,请勿并发操作");
    writing = true;
    try {
      await new Promise((resolve) => setTimeout(resolve, state.limits?.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS));
      return route(params, now);
    } finally {
      writing = false;
    }
  }

  return {
    name: "xinrenxinshi",
    async handle(req, now) {
      if (req.path === TOKEN_PATH) {
        return req.method === "POST" ? issueToken(req, now) : { status: 405, body: { error: "method_not_allowed", error_description: "POST only" }, code: 405 };
      }
      const read = reads[req.path];
      const writeRoute = writes[req.path];
      if (!read && !writeRoute) return { status: 404, body: { status: 404, error: "Not Found", path: req.path }, code: 404 };
      if (req.method !== "POST") return fail(CODE.invalidParameter, "只支持POST请求");
      const admitted = admit(req, now);
      if (!("app" in admitted)) return admitted;
      if (read) return read(admitted.params);
      return write(writeRoute as (p: Params, now: number) => EmuResponse, admitted.params, now);
    },
    getState: () => state,
    setState(next) {
      state = normalizeSection(next);
      tokens.clear();
      writing = false;
    },
    faultAnswer(kind: VendorFault): EmuResponse | undefined {
      switch (kind) {
        case "http500":
          return httpError(500, "Internal Server Error");
        case "ratelimit":
          return tooFrequent();
        case "tokenExpired":
          return tokenRefused("Access token expired");
        case "busy":
          return httpError(503, "Service Unavailable");
      }
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

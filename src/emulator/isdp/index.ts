import { randomBytes } from "node:crypto";
import { parseBody, SlidingWindow, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { INVALID_TOKEN, oauthError, springError, THROTTLED } from "./answers.js";
import { deregister, listPersons } from "./listing.js";
import { writeBatch } from "./persons.js";
import { DEFAULT_TTL_SECONDS, emptySection, type IsdpApp, type IsdpSection } from "./state.js";
import { personStore } from "./store.js";

const TOKEN_PATH = "/oauth2/oauth/rest_token";

interface IssuedToken {
  app: IsdpApp;
  expiresAt: number;
}

/**
 * Huawei ISDP OpenAPI as the person integration sees it: an OAuth2 password-grant token
 * endpoint, bearer tokens that expire (HTTP 401 `invalid_token`), the person batch APIs with
 * their `@hw` code rule and all-or-nothing batches, and the paged person list.
 */
export function isdpEmulator(section: unknown): VendorEmulator {
  let state: IsdpSection = (section as IsdpSection | undefined) ?? emptySection();
  const tokens = new Map<string, IssuedToken>();
  const window = new SlidingWindow();
  const store = personStore(() => state, () => Date.now());

  const routes: Record<string, (params: Record<string, unknown>) => EmuResponse> = {
    "/openapi/v1/person/batchAdd": (p) => writeBatch(store, "batchAdd", p),
    "/openapi/v1/person/batchUpdatePerson": (p) => writeBatch(store, "batchUpdatePerson", p),
    "/openapi/v1/person/batchUpdate": (p) => writeBatch(store, "batchUpdate", p),
    "/openapi/v1/person/deregisterPerson": (p) => deregister(store, { personCode: p["personCode"] ?? "" }),
    "/openapi/v1/person/batchDeregisterPerson": (p) => deregister(store, { personList: p["personList"] }),
    "/openapi/v1/person/getPersonList": (p) => listPersons(store, p),
  };

  /** Every call gets a fresh token with the full lifetime; earlier ones stay valid until they expire. */
  function issueToken(req: EmuRequest, now: number): EmuResponse {
    const p = parseBody(req);
    if (p["grant_type"] !== "password") return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${String(p["grant_type"] ?? "")}`);
    const client = state.clients.find((c) => c.client_id === p["client_id"]);
    if (!client || p["client_secret"] !== client.client_id) return oauthError(401, "invalid_client", "Bad client credentials");
    const app = state.clients.find((c) => c.client_id === client.client_id && c.username === p["username"] && c.password === p["password"]);
    if (!app) return oauthError(400, "invalid_grant", "Bad credentials");
    const ttl = state.tokenTtlSeconds ?? DEFAULT_TTL_SECONDS;
    const token = randomBytes(16).toString("hex");
    tokens.set(token, { app, expiresAt: now + ttl * 1000 });
    return {
      status: 200,
      body: {
        access_token: token,
        token_type: "bearer",
        refresh_token: randomBytes(16).toString("hex"),
        expires_in: ttl,
        scope: "all",
        plat_user: { userNo: app.username, userName: app.username, userType: "API", tenantId: 1, status: "Active" },
      },
      code: 200,
    };
  }

  function authorize(req: EmuRequest, now: number): IssuedToken | EmuResponse {
    const header = /^bearer\s+(\S+)$/i.exec(req.headers["authorization"] ?? "");
    if (!header) return oauthError(401, "unauthorized", "Full authentication is required to access this resource");
    const issued = tokens.get(header[1] as string);
    if (!issued || issued.expiresAt <= now) return INVALID_TOKEN;
    return issued;
  }

  return {
    name: "isdp",
    handle(req, now) {
      if (req.method !== "POST") return springError(405, "Method Not Allowed", req.path);
      if (req.path === TOKEN_PATH) return issueToken(req, now);
      const route = routes[req.path];
      if (!route) return springError(404, "Not Found", req.path);
      const auth = authorize(req, now);
      if (!("app" in auth)) return auth;
      if (!window.allow(auth.app.username, state.limits?.qps, now)) return THROTTLED;
      if (!(req.headers["content-type"] ?? "").includes("json")) return springError(415, "Unsupported Media Type", req.path);
      const params = parseBody(req);
      if (params["__invalidJson"]) return springError(400, "Bad Request", req.path);
      return route(params);
    },
    getState: () => state,
    setState(next) {
      state = (next as IsdpSection | undefined) ?? emptySection();
      tokens.clear();
    },
    faultAnswer(kind: VendorFault): EmuResponse | undefined {
      switch (kind) {
        case "http500":
          return springError(500, "Internal Server Error", "/");
        case "ratelimit":
          return THROTTLED;
        case "tokenExpired":
          return INVALID_TOKEN;
        case "busy":
          return undefined; // ISDP documents no "busy" answer
      }
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
  };
}

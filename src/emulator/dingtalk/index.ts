import { randomBytes } from "node:crypto";
import { parseBody, SlidingWindow, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { appRateLimited, fail, invalidParameter, ipBlocked, ok, permissionRefused, tokenRefused, unknownApi, uriNotFound, wrongAppSecret } from "./answers.js";
import { IpGuard } from "./ip-guard.js";
import { memberRoutes } from "./members.js";
import { emptySection, type DingTalkSection } from "./state.js";

interface IssuedToken {
  appKey: string;
  expiresAt: number;
}

/**
 * DingTalk oapi as the punch-group integration sees it: `/gettoken`, punch-group member list
 * and update, HTTP 200 envelopes with `errcode`, tokens in the query, per-app-per-API QPS and
 * the optional per-IP block.
 */
export function dingtalkEmulator(section: unknown): VendorEmulator {
  let state: DingTalkSection = (section as DingTalkSection | undefined) ?? emptySection();
  const tokens = new Map<string, IssuedToken>();
  const window = new SlidingWindow();
  const ipGuard = new IpGuard();

  function getToken(req: EmuRequest, now: number): EmuResponse {
    const app = state.apps.find((a) => a.appKey === req.query["appkey"] && a.appSecret === req.query["appsecret"]);
    if (!app) return wrongAppSecret();
    const ttl = state.tokenTtlSeconds ?? 7200;
    // While a token is valid the same one comes back (and lives on).
    for (const [token, issued] of tokens) {
      if (issued.appKey === app.appKey && issued.expiresAt > now) {
        issued.expiresAt = now + ttl * 1000;
        return ok({ access_token: token, expires_in: ttl });
      }
    }
    const token = randomBytes(16).toString("hex");
    tokens.set(token, { appKey: app.appKey, expiresAt: now + ttl * 1000 });
    return ok({ access_token: token, expires_in: ttl });
  }

  function handle(req: EmuRequest, now: number): EmuResponse {
    if (!ipGuard.admit(state.limits?.ipCallsPer20s, now)) return ipBlocked();
    if (req.path === "/gettoken" && req.method === "GET") return getToken(req, now);
    const route = memberRoutes[req.path];
    if (!route) return req.path.startsWith("/topapi/") ? unknownApi(req.path) : uriNotFound();
    if (req.method !== "POST") return invalidParameter("only POST is accepted");
    const token = req.query["access_token"] ?? "";
    const issued = tokens.get(token);
    if (!issued || issued.expiresAt <= now) return tokenRefused(token === "");
    if (state.refusedApis?.includes(req.path)) return permissionRefused();
    if (!window.allow(`${issued.appKey} ${req.path}`, state.limits?.qps, now)) return appRateLimited();
    const params = parseBody(req);
    if (params["__invalidJson"]) return invalidParameter("body is not valid JSON");
    return route(state, params);
  }

  return {
    name: "dingtalk",
    handle,
    getState: () => state,
    setState(next) {
      state = (next as DingTalkSection | undefined) ?? emptySection();
      tokens.clear();
      ipGuard.reset();
    },
    faultAnswer(kind: VendorFault): EmuResponse | undefined {
      switch (kind) {
        case "http500":
          return { status: 500, body: "Internal Server Error", code: 500 };
        case "ratelimit":
          return appRateLimited();
        case "tokenExpired":
          return tokenRefused(false);
        case "busy":
          return fail(-1, "系统繁忙");
      }
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
  };
}

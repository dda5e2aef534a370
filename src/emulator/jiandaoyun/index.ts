import { parseBody, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { Company } from "./company.js";
import { CompanyQuota, PUBLISHED_COMPANY_RATE, PUBLISHED_ENDPOINT_RATES } from "./limits.js";
import { fail, type Params } from "./answers.js";
import { roleGroupRoutes } from "./role-groups.js";
import { roleRoutes } from "./roles.js";
import { emptySection, type JiandaoyunSection } from "./state.js";

const routes: Record<string, (c: Company, p: Params) => EmuResponse> = { ...roleGroupRoutes, ...roleRoutes };

/**
 * Jiandaoyun open API v5 (contacts: roles and role groups) for one company: POST only, a Bearer
 * API key, HTTP 400 `{code, msg}` errors, and the per-endpoint (8304) and company-wide (8303)
 * rate limits counted over sliding one-second windows.
 */
export function jiandaoyunEmulator(section: unknown): VendorEmulator {
  let state: JiandaoyunSection = (section as JiandaoyunSection | undefined) ?? emptySection();
  const quota = new CompanyQuota();

  function handle(req: EmuRequest, now: number): EmuResponse {
    const route = routes[req.path];
    if (!route) return { status: 404, body: { msg: `no API at ${req.path}` } };
    if (req.method !== "POST") return { status: 405, body: { msg: "every Jiandaoyun API call is a POST" } };
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers["authorization"] ?? "");
    if (!auth) return fail(8301, "API key verification failed: send Authorization: Bearer <API key>");
    if (!state.apiKeys.includes(auth[1] ?? "")) return fail(17018, "invalid API key");
    const companyRate = state.limits?.company ?? PUBLISHED_COMPANY_RATE;
    const endpointRate = state.limits?.endpoints?.[req.path] ?? PUBLISHED_ENDPOINT_RATES[req.path] ?? companyRate;
    const verdict = quota.admit(req.path, companyRate, endpointRate, now);
    if (verdict === "company") return fail(8303, "the company's request rate limit is reached; try again later");
    if (verdict === "endpoint") return fail(8304, "this API's request rate limit is reached; try again later");
    const params = parseBody(req);
    if (params["__invalidJson"]) return fail(1, "the request body is not valid JSON");
    const answer = route(new Company(state), params);
    if (state.emptyWriteBodies && answer.status === 200 && !req.path.endsWith("/list") && !req.path.endsWith("/create")) return { status: 200, body: "" };
    return answer;
  }

  return {
    name: "jiandaoyun",
    handle,
    getState: () => state,
    setState(next) {
      state = (next as JiandaoyunSection | undefined) ?? emptySection();
      quota.reset();
    },
    faultAnswer(kind: VendorFault): EmuResponse | undefined {
      switch (kind) {
        case "http500":
          return { status: 502, body: "Bad Gateway", code: 502 };
        case "ratelimit":
          return fail(8304, "this API's request rate limit is reached; try again later");
        case "busy":
          return fail(9007, "lock failure; try again");
        case "tokenExpired":
          return undefined; // API keys do not expire
      }
    },
    expireTokens() {
      // API keys do not expire; a key is revoked by removing it from apiKeys.
    },
  };
}

import { parseBody, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { Sessions } from "./auth.js";
import { failure, notLoggedIn, PROMPT } from "./answers.js";
import { REST_PREFIX, restListing } from "./rest.js";
import { emptySection, type O2oaSection, type O2oaUnit } from "./state.js";
import { UnitStore } from "./store.js";
import { runUnitSync } from "./sync.js";

const LOGIN = "/x_organization_assemble_authentication/jaxrs/authentication";
const SSO = "/x_organization_assemble_authentication/jaxrs/sso";
const INVOKE = /^\/x_program_center\/jaxrs\/invoke\/([^/]+)\/execute$/;
/** The flag of the organisation sync script the customer installed. */
const UNIT_SYNC_FLAG = "unitAsync";

/**
 * O2OA's organisation service as orgform uses it: password and SSO login, the token in
 * `x-token` (re-issued on every authenticated answer), keyset listings of units, attributes
 * and duties, and the `unitAsync` sync script. An unknown or expired token makes the caller
 * anonymous; anonymous reads and writes are refused as access denied (HTTP 500).
 */
export function o2oaEmulator(section: unknown): VendorEmulator {
  let config: O2oaSection = (section as O2oaSection | undefined) ?? emptySection();
  const store = new UnitStore();
  store.load(config);
  const sessions = new Sessions(() => config);

  function route(req: EmuRequest, now: number): EmuResponse {
    const params = parseBody(req);
    if (req.method === "POST" && req.path === LOGIN) return sessions.passwordLogin(params, now);
    if (req.method === "POST" && req.path === SSO) return sessions.ssoLogin(params, now);
    const person = sessions.who(req, now);
    let answer: EmuResponse | undefined;
    if (req.method === "GET" && req.path.startsWith(REST_PREFIX)) {
      if (!person) return notLoggedIn();
      answer = restListing(req.path, store, now);
    }
    const invoke = INVOKE.exec(req.path);
    if (req.method === "POST" && invoke) {
      if (invoke[1] !== UNIT_SYNC_FLAG) return failure(`对象: ${invoke[1] ?? ""} 类型: com.x.program.center.core.entity.Invoke 不存在.`, PROMPT.entityNotExist, now);
      if (!person) return failure("用户:anonymous 权限不足.", PROMPT.accessDenied, now);
      if (params["__invalidJson"]) return failure("request body is not valid JSON.", undefined, now);
      answer = runUnitSync(params, store, now);
    }
    if (!answer) return { status: 404, body: "Not Found", code: 404 };
    // Authenticated answers carry a newer token; the caller should use it from now on.
    const fresh = sessions.issue(person as string, now);
    return { ...answer, headers: { ...answer.headers, "x-token": fresh, "set-cookie": `x-token=${fresh}; Path=/; HttpOnly` } };
  }

  return {
    name: "o2oa",
    handle: route,
    getState(): O2oaSection {
      const units: O2oaUnit[] = store.units.map((u) => ({ ...u, attributes: u.attributes.map((a) => ({ ...a })), duties: u.duties.map((d) => ({ ...d })) }));
      return { ...config, units };
    },
    setState(next) {
      config = (next as O2oaSection | undefined) ?? emptySection();
      store.load(config);
      sessions.clear();
    },
    faultAnswer(kind: VendorFault): EmuResponse | undefined {
      const now = Date.now();
      switch (kind) {
        case "http500":
          // An unexpected server failure: no prompt, unlike the errors raised on purpose.
          return failure("java.lang.IllegalStateException: connection pool exhausted.", undefined, now);
        case "tokenExpired":
          return notLoggedIn();
        case "ratelimit":
        case "busy":
          return undefined; // O2OA has no rate limiting or busy answer
      }
    },
    expireTokens() {
      sessions.expireAll();
    },
  };
}

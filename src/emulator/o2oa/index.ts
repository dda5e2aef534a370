import { parseBody, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { Sessions } from "./auth.js";
import { failure, PROMPT, success, unauthorized } from "./answers.js";
import { REST_PREFIX, restListing } from "./rest.js";
import { emptySection, type O2oaSection, type O2oaUnit } from "./state.js";
import { UnitStore } from "./store.js";
import { runUnitSync } from "./sync.js";

const LOGIN = "/x_organization_assemble_authentication/jaxrs/authentication";
const SSO = "/x_organization_assemble_authentication/jaxrs/sso";
const INVOKE = /^\/x_program_center\/jaxrs\/invoke\/([^/]+)\/execute$/;
const INVOKE_RECORD = /^\/x_program_center\/jaxrs\/invoke\/([^/]+)$/;
/** The flag of the organisation sync script the customer installed. */
const UNIT_SYNC_FLAG = "unitAsync";

/**
 * O2OA's organisation service as orgform uses it: password and SSO login (DES, AES or SM4 by
 * the state's encryptType), the token under the state's tokenName (re-issued on every
 * authenticated answer), keyset listings of units, attributes, duties and identities, and the
 * `unitAsync` sync script. An unknown or expired token makes the caller anonymous: the
 * organisation module answers 401 ExceptionUnauthorized, the invoke admits it.
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
      if (!person) return unauthorized(req.headers["accept-language"], now);
      answer = restListing(req.path, store, now, config.listPageCap);
    }
    const record = INVOKE_RECORD.exec(req.path);
    if (req.method === "GET" && record) answer = invokeRecord(record[1] ?? "", person, now);
    const invoke = INVOKE.exec(req.path);
    if (req.method === "POST" && invoke) {
      const script = config.syncScript ?? "installed";
      if (invoke[1] !== UNIT_SYNC_FLAG || script === "missing") return failure(`标识为:${invoke[1] ?? ""} 的 Invoke 对象不存在.`, PROMPT.entityNotExist, now);
      if (script === "disabled") return failure(`调用接口: ${UNIT_SYNC_FLAG} 未启用.`, PROMPT.invokeNotEnable, now);
      // The platform admits anonymous callers to an invoke (InvokeJaxrsFilter); only a script may refuse them.
      if (!person && config.invokeRefusesAnonymous) return failure("用户:anonymous 权限不足.", PROMPT.accessDenied, now);
      if (params["__invalidJson"]) return failure("request body is not valid JSON.", undefined, now);
      answer = runUnitSync(params, store, now);
    }
    if (!answer) return { status: 404, body: "Not Found", code: 404 };
    // Authenticated answers carry a newer token; the caller should use it from now on.
    if (!person) return answer;
    return { ...answer, headers: { ...answer.headers, ...sessions.tokenHeaders(sessions.issue(person, now)) } };
  }

  /** `GET invoke/{flag}` (invoke ActionGet.java): the record of an installed script. */
  function invokeRecord(flag: string, person: string | undefined, now: number): EmuResponse {
    if (!person) return failure("用户:anonymous 权限不足.", PROMPT.accessDenied, now);
    const script = config.syncScript ?? "installed";
    if (flag !== UNIT_SYNC_FLAG || script === "missing") return failure(`调用接口: ${flag} 不存在.`, PROMPT.invokeNotExist, now);
    return success({ id: "invoke-unit-sync", name: UNIT_SYNC_FLAG, alias: "", enable: script === "installed", enableToken: false, remoteAddrRegex: "" }, now);
  }

  return {
    name: "o2oa",
    handle: route,
    getState(): O2oaSection {
      const units: O2oaUnit[] = store.units.map((u) => ({
        ...u,
        attributes: u.attributes.map((a) => ({ ...a })),
        duties: u.duties.map((d) => ({ ...d })),
        identities: u.identities.map(({ id, name, person, unique }) => ({ id, name, person, unique })),
      }));
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
          return unauthorized(undefined, now);
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

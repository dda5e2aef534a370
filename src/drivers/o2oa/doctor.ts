import type { Assumption, DoctorProbe, DoctorSpec } from "../driver.js";
import type { AnswerSchema } from "../kit/wire.js";
import { DriverError } from "../../model/errors.js";
import type { VendorRequest } from "../../model/request.js";
import { FAMILIES, FIRST_FLAG, listPath, SYNC_FLAG, type Family } from "./api.js";
import { UNIT } from "./kinds/unit-fields.js";
import { answerProblem, invokeSchema, listPageSchema, rowSchemas } from "./wire.js";

/** The invoke record behind the sync interface (x_program_center jaxrs/invoke ActionGet.java). */
export const INVOKE_RECORD_PATH = `/x_program_center/jaxrs/invoke/${SYNC_FLAG}`;

const API_NAMES: Record<Family, string> = {
  unit: "unit/list/{flag}/next/{count}",
  unitattribute: "unitattribute/list/{flag}/next/{count}",
  unitduty: "unitduty/list/{flag}/next/{count}",
  identity: "identity/list/{flag}/next/{count}",
};

/** One smallest page of each listing a plan reads. */
const probes: DoctorProbe[] = FAMILIES.map((family) => ({
  api: API_NAMES[family],
  kinds: [UNIT],
  permission:
    "any logged-in person may list (the organisation module admits every user); a 401 ExceptionUnauthorized here means the session was not accepted: check the target's tokenName against the server's person.tokenName",
  request: { method: "GET", path: listPath(family, FIRST_FLAG, 1), bucket: `listing:${family}` },
  check(data: unknown): string | undefined {
    if (!listPageSchema.validate(data)) return answerProblem(listPageSchema, data);
    const rows: AnswerSchema<unknown> = rowSchemas[family];
    return answerProblem(rows, data.rows);
  },
}));

type Read = (request: VendorRequest) => Promise<unknown>;

const syncInstalled: Assumption = {
  id: "sync-script-installed",
  statement: `the organisation sync script is installed as the invoke "${SYNC_FLAG}" and enabled`,
  source: "https://o2oa.gitbook.io/course/ping-tai-shi-shi/zu-zhi-guan-li/shu-ju-tong-bu-jie-kou offers the script only as an attachment the customer installs; unverified per tenant",
  handling: "every write goes through it; when it is missing the first write fails with ExceptionEntityNotExist and nothing else is sent",
  async check({ read }: { read: Read }) {
    try {
      const data = await read({ method: "GET", path: INVOKE_RECORD_PATH, bucket: INVOKE_RECORD_PATH });
      if (!invokeSchema.validate(data)) return { verdict: "cannot check", detail: `the invoke record has an unexpected shape: ${answerProblem(invokeSchema, data) ?? ""}` };
      if (data.enable === false) return { verdict: "contradicted", detail: `the invoke "${SYNC_FLAG}" exists but is disabled (enable: false)` };
      return { verdict: "holds", detail: `the invoke "${SYNC_FLAG}" exists${data.enable === true ? " and is enabled" : ""}` };
    } catch (err) {
      if (err instanceof DriverError && err.failure === "notFound") return { verdict: "contradicted", detail: `no invoke "${SYNC_FLAG}" on the server: install the sync script` };
      const why = err instanceof DriverError ? `${String(err.code ?? err.failure)}: ${err.vendorMessage}` : String(err);
      return { verdict: "cannot check", detail: `reading the invoke record needs the service-management right (${why})` };
    }
  },
};

const sessionSettings: Assumption = {
  id: "session-settings",
  statement: "the server's person.encryptType (SSO cipher) and person.tokenName are the ones the target's credentials name (defaults: DES and x-token)",
  source: "o2oa/o2oa config/Person.java and http/HttpToken.java: both are per-server settings a client cannot read",
  handling: "a wrong cipher fails the SSO login (ExceptionReadToken, reported as an auth failure); a wrong token name makes every call anonymous (401 ExceptionUnauthorized after one fresh login)",
  async check({ answers }) {
    const page = answers.get(API_NAMES.unit);
    if (page === undefined) return { verdict: "cannot check", detail: "the unit listing was not read; see its probe" };
    return { verdict: "holds", detail: "a login succeeded and a listing accepted its session token" };
  },
};

const listingTotal: Assumption = {
  id: "listing-count-is-total",
  statement: "a listing's envelope count is the total number of rows (StandardJaxrsAction.standardListNext), and pages hold at most 200 rows",
  source: "o2oa/o2oa x_base_core_project jaxrs/StandardJaxrsAction.java",
  handling: "fetch pages until it holds count rows or a page is empty, so a lower page cap or a missing count costs calls, never rows",
  async check({ answers }) {
    const page = answers.get(API_NAMES.unit);
    if (!listPageSchema.validate(page)) return { verdict: "cannot check", detail: "the unit listing was not read" };
    if (page.total === undefined) return { verdict: "contradicted", detail: "the unit listing carries no count; fetch pages until an empty page" };
    return { verdict: "holds", detail: `the unit listing reports ${page.total} unit(s) in all` };
  },
};

const deleteCascades: Assumption = {
  id: "unit-delete-cascades",
  statement: "the sync script's delete removes a unit together with its sub-units, attributes, duties and identities, as the platform's REST unit delete does",
  source: "o2oa/o2oa x_organization_assemble_control jaxrs/unit/ActionDelete.java cascades; the installed script is unknown (unverified)",
  handling: "plans refuse to delete a unit that holds identities unless its item says deleteWithIdentities: true, and never delete a unit whose sub-units stay",
  async check({ answers }) {
    const page = answers.get(API_NAMES.identity);
    if (!listPageSchema.validate(page)) return { verdict: "cannot check", detail: "the identity listing was not read" };
    return { verdict: "cannot check", detail: `no read shows what the script deletes; the tenant holds ${page.total ?? "an unknown number of"} identit(ies), which unit deletes are checked against` };
  },
};

const scriptIdentity: Assumption = {
  id: "sync-script-identity",
  statement: "the sync script writes with the platform's own organisation client, not with the caller's rights",
  source: "o2oa/o2oa x_program_center jaxrs/invoke/BaseAction.java hands the script resources.getOrganization(); unverified for the installed script",
  handling: "orgform logs in as a person with the OrganizationManager role either way, so both readings work",
};

const updateLookup: Assumption = {
  id: "sync-update-lookup",
  statement: "the sync script finds the unit of an update by its unique, else by the distinguished name sent",
  source: "https://o2oa.gitbook.io/course/ping-tai-shi-shi/zu-zhi-guan-li/shu-ju-tong-bu-jie-kou/zu-zhi-shu-ju-jie-kou/xiu-gai-zu-zhi names both fields; the lookup order is unverified",
  handling: "an update sends the name the unit will have (name@unique@U), which names no other unit; a unique change sends the current one",
};

const anonymousInvoke: Assumption = {
  id: "invoke-admits-anonymous",
  statement: "the platform admits anonymous callers to an invoke; whether the installed script refuses them is unknown",
  source: "o2oa/o2oa x_program_center jaxrs/InvokeJaxrsFilter.java and invoke/ActionExecute.java (no caller check)",
  handling: "orgform always calls with a session; an anonymous denial from the script is read as a lapsed session and answered with one fresh login",
};

export const doctor: DoctorSpec = {
  probes,
  assumptions: [syncInstalled, sessionSettings, listingTotal, deleteCascades, scriptIdentity, updateLookup, anonymousInvoke],
};

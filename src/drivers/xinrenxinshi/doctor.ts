import type { Assumption, AssumptionVerdict, DoctorProbe, DoctorSpec } from "../driver.js";
import { answerProblem } from "../kit/wire.js";
import { LIST_STATUS } from "./api.js";
import { listRequest, TYPES_REQUEST } from "./fetch.js";
import { DEPARTMENT } from "./kinds/department-model.js";
import { departmentListAnswer, departmentTypesAnswer, type WireDepartment } from "./wire.js";

const PERMISSION = "the open-platform app's access to the department (部门) APIs, in the Xinrenxinshi open-platform console";

/** Doctor's names for the read calls the plans make. */
export const PROBE = { list: "department/list", disabled: "department/list (status 1)", types: "department/depttype/list" } as const;

const probes: DoctorProbe[] = [
  { api: PROBE.list, kinds: [DEPARTMENT], permission: PERMISSION, request: listRequest(LIST_STATUS.normal), check: (data) => answerProblem(departmentListAnswer, data) },
  { api: PROBE.disabled, kinds: [DEPARTMENT], permission: PERMISSION, request: listRequest(LIST_STATUS.disabled), check: (data) => answerProblem(departmentListAnswer, data) },
  { api: PROBE.types, kinds: [DEPARTMENT], permission: PERMISSION, request: TYPES_REQUEST, check: (data) => answerProblem(departmentTypesAnswer, data) },
];

type Verdict = { verdict: AssumptionVerdict; detail: string };

function departmentsOf(answers: ReadonlyMap<string, unknown>, api: string): WireDepartment[] | undefined {
  const data = answers.get(api);
  return departmentListAnswer.validate(data) ? data.data : undefined;
}

/** Custom field values come back as a map of strings (SDK `DepartmentModel.fields`). */
async function checkFieldValues({ answers }: { answers: ReadonlyMap<string, unknown> }): Promise<Verdict> {
  const list = departmentsOf(answers, PROBE.list);
  if (!list) return { verdict: "cannot check", detail: "the department list could not be read" };
  const withFields = list.filter((d) => d.fields && Object.keys(d.fields).length > 0);
  if (withFields.length === 0) return { verdict: "cannot check", detail: "no department has a custom field value" };
  const names = [...new Set(withFields.flatMap((d) => Object.keys(d.fields ?? {})))];
  return {
    verdict: "holds",
    detail: `${withFields.length} department(s) list custom fields as strings (${names.join(", ")}); whether region and option values come back in the form update takes cannot be read: compare them with what the manifest writes`,
  };
}

/** The list's `status: 1` returns disabled departments only (department/list_v5.html). */
async function checkDisabledListing({ answers }: { answers: ReadonlyMap<string, unknown> }): Promise<Verdict> {
  const normal = departmentsOf(answers, PROBE.list);
  const disabled = departmentsOf(answers, PROBE.disabled);
  if (!normal || !disabled) return { verdict: "cannot check", detail: "the department list could not be read" };
  const active = new Set(normal.map((d) => d.departmentId));
  const overlap = disabled.filter((d) => active.has(d.departmentId) || (d.status !== undefined && d.status !== null && d.status !== LIST_STATUS.disabled));
  if (overlap.length > 0) {
    return { verdict: "contradicted", detail: `the status 1 list returns ${overlap.length} department(s) that are not disabled: the vendor ignores status, so codes held by disabled departments cannot be seen at plan time` };
  }
  if (disabled.length === 0) return { verdict: "cannot check", detail: "the company has no disabled department" };
  return { verdict: "holds", detail: `${disabled.length} disabled department(s) listed, none of them active; their codes are checked at plan time` };
}

const assumptions: Assumption[] = [
  {
    id: "timestamp-window",
    statement: "The vendor accepts a request whose body timestamp is within 5 minutes of its clock.",
    source: "unverified: the 5 minutes come from the vendor's v1 flow page (https://api.xinrenxinshi.com/doc/v1/page/flow.html); no v5 page, SDK or client states a window",
    handling: "Every attempt, retries included, is stamped and signed when it is sent; doctor reports the clock skew.",
  },
  {
    id: "expired-token-answer",
    statement: "A lapsed or unknown token is answered with HTTP 401 or a body naming invalid_token or the token.",
    source: "unverified: no source shows the answer to an expired token; the token endpoint is Spring OAuth2 style (authentication.html)",
    handling: "Any such answer (HTTP 401, invalid_token anywhere in the body, an errmsg that speaks of the token) gets one new token and one repeat; the token is also renewed 300 s before it expires.",
  },
  {
    id: "custom-field-values",
    statement: "The list returns custom field values as strings keyed by display name, in the form update accepts.",
    source: "SDK DepartmentModel.fields is Map<String,String>; the form of region and option values when listed is unverified (update_v5.html only gives the form to write)",
    handling: "Only the custom fields the manifest names are compared and sent; the live values of other fields are never re-sent.",
    check: checkFieldValues,
  },
  {
    id: "disabled-departments-listed",
    statement: "The department list with status 1 returns the disabled departments, which keep their codes.",
    source: "department/list_v5.html documents status 0 normal, 1 disabled, 2 deleted; that a disabled department's code blocks a create is unverified",
    handling: "Disabled departments are read at plan time and a create (or code change) to a code one holds is refused with file and line; a listed department that is also active is ignored.",
    check: checkDisabledListing,
  },
  {
    id: "clearing-with-empty-string",
    statement: 'An update with "" clears a text or custom field, and parentId "" moves a department to the top level.',
    source: "unverified: the SDK never sends empty strings and update_v5.html does not say what they do",
    handling: '"" is sent only where the manifest clears a field with null, and parentId "" only for parent: null; otherwise empty values are left out.',
  },
  {
    id: "update-keeps-unsent-fields",
    statement: "An update keeps every field it does not send, custom fields included (except adminId, which is cleared when missing).",
    source: "update_v5.html documents the adminId rule only; the SDK leaves out empty fields, which implies the rest are kept (unverified)",
    handling: "The live adminId and the other live department fields are re-sent; custom fields the manifest does not name are not sent.",
  },
  {
    id: "company-header",
    statement: "A group account selects its company with the companyId header.",
    source: "coobin/xrxs2ldap src/xrxs2ldap/adapters/xinrenxinshi.py sends it when configured; not in the SDK or the pages (unverified)",
    handling: "Sent only when the target sets the companyId credential.",
  },
];

export const doctor: DoctorSpec = { probes, assumptions, signsTimestamps: true };

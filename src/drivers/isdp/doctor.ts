import type { AssumptionVerdict, DoctorSpec } from "../driver.js";
import { answerProblem } from "../kit/wire.js";
import type { VendorRequest } from "../../model/request.js";
import { ACTIVE_STATUSES, NO_DEVICES, PERSON_LIST_PATH, PERSON_PAGE_SIZE } from "./api.js";
import { PERSON } from "./kinds/person-fields.js";
import { keyOfStored, PERSON_PAGE, type PersonPage } from "./wire.js";

const SUBSCRIBE = (api: string) =>
  `subscribe the application to ${api} (集成中心 > 服务集成 > 应用管理 > 订阅; a subscription takes about 15 minutes to work)`;

const listRequest = (count: number, filter: Record<string, unknown> = NO_DEVICES): VendorRequest => ({
  method: "POST",
  path: PERSON_LIST_PATH,
  body: { page: { start: 0, count }, personStatus: ACTIVE_STATUSES, ...filter },
  bucket: PERSON_LIST_PATH,
});

type Verdict = { verdict: AssumptionVerdict; detail: string };

/** One page of persons, or the verdict "cannot check" when the answer is not a page. */
async function page(read: (r: VendorRequest) => Promise<unknown>, request: VendorRequest): Promise<PersonPage | Verdict> {
  const data = await read(request);
  if (PERSON_PAGE.validate(data)) return data;
  return { verdict: "cannot check", detail: answerProblem(PERSON_PAGE, data) ?? "not a page" };
}

/** What `orgform doctor` checks on an ISDP tenant: reads only. */
export const isdpDoctor: DoctorSpec = {
  probes: [
    {
      api: "person/getPersonList",
      kinds: [PERSON],
      permission: SUBSCRIBE("getPersonList"),
      request: listRequest(1),
      check: (data) => answerProblem(PERSON_PAGE, data),
    },
  ],
  assumptions: [
    {
      id: "isdp.batchadd-stores-hw",
      statement: "batchAdd stores a new person under <code>@hw, the code batchUpdatePerson updates",
      source:
        "unverified: only batchUpdatePerson documents the suffix (https://support.huaweicloud.com/api-isdp/api_01_0402.html); the list examples show codes without it (api_01_0395, api_01_0113)",
      handling:
        "a person read back as <code> or <code>@hw is the key <code>; updates go to batchUpdatePerson for <code>@hw and to person/batchUpdate (api_01_0120) for a code stored as is, which sets fewer fields (plan refuses the others)",
      async check({ read }) {
        const got = await page(read, listRequest(PERSON_PAGE_SIZE));
        if (!("data" in got)) return got;
        if (got.data.length === 0) return { verdict: "cannot check", detail: "the tenant lists no persons yet" };
        const suffixed = got.data.filter((p) => keyOfStored(p.personCode).suffixed).length;
        const detail = `${suffixed} of ${got.data.length} persons read are stored with @hw`;
        return suffixed > 0 ? { verdict: "holds", detail } : { verdict: "contradicted", detail: `${detail}: persons are updated through person/batchUpdate` };
      },
    },
    {
      id: "isdp.list-excludes-devices",
      statement: "getPersonList with isSmartDevice N leaves smart-device accounts out, so unmanaged: delete never deregisters one",
      source: "https://support.huaweicloud.com/api-isdp/api_01_0395.html (isSmartDevice: Y reads device accounts, N leaves them out)",
      handling: "orgform also skips any listed person whose isSmartDevice is Y",
      async check({ read }) {
        const got = await page(read, listRequest(PERSON_PAGE_SIZE));
        if (!("data" in got)) return got;
        if (got.data.length === 0) return { verdict: "cannot check", detail: "the tenant lists no persons yet" };
        const devices = got.data.filter((p) => p.isSmartDevice === "Y").length;
        return devices === 0
          ? { verdict: "holds", detail: `none of ${got.data.length} persons read is a device` }
          : { verdict: "contradicted", detail: `${devices} devices listed although isSmartDevice N was asked (orgform skips them)` };
      },
    },
    {
      id: "isdp.page-total",
      statement: `getPersonList answers a page of ${PERSON_PAGE_SIZE} with a totalCount`,
      source: "unverified: the page documents no maximum; findPagedOrgList documents 200 (https://support.huaweicloud.com/api-isdp/api_01_0441.html)",
      handling: "pages are read by the number of rows actually served until the totalCount, or until an empty page when there is none",
      async check({ read }) {
        const got = await page(read, listRequest(PERSON_PAGE_SIZE, {}));
        if (!("data" in got)) return got;
        const total = Number(got.totalCount);
        if (got.totalCount === undefined || !Number.isInteger(total)) return { verdict: "contradicted", detail: "the page has no totalCount: orgform reads until an empty page" };
        const expected = Math.min(PERSON_PAGE_SIZE, total);
        if (got.data.length === expected) return { verdict: "holds", detail: `${got.data.length} rows served of ${total}` };
        return { verdict: "contradicted", detail: `${got.data.length} rows served where ${expected} were asked: orgform pages by what is served` };
      },
    },
    {
      id: "isdp.deregister-by-code",
      statement: "batchDeregisterPerson takes the stored person codes and looks them up as sent",
      source:
        "https://support.huaweicloud.com/api-isdp/api_01_0396.html ({personList: [codes]}); deregisterPerson (api_01_0114) calls its parameter the person's account, like 159*********, so orgform does not call it",
      handling: "orgform sends the code exactly as getPersonList lists it; a code the vendor cannot find fails the batch, and the persons are read again before anything is reported done",
    },
    {
      id: "isdp.batchupdate-by-code",
      statement: "person/batchUpdate finds a person by the code as sent, without appending @hw",
      source: "unverified: https://support.huaweicloud.com/api-isdp/api_01_0120.html documents no suffix rule",
      handling: "used only for persons stored without @hw; if the vendor cannot find the code the batch fails and nothing is reported done",
    },
    {
      id: "isdp.phone-settable",
      statement: "a phone change is carried out",
      source: "https://support.huaweicloud.com/api-isdp/api_01_0402.html: in the on-premises deployment a phone can only be set when the person has none",
      handling: "the plan shows the change; where the vendor keeps the old number, the next plan shows the same change again",
    },
  ],
};

import type { Assumption, AssumptionVerdict, DoctorSpec } from "../driver.js";
import { answerProblem } from "../kit/wire.js";
import { DriverError } from "../../model/errors.js";
import type { VendorRequest } from "../../model/request.js";
import { MEMBER_PAGE_SIZE } from "./api.js";
import { memberListRequest } from "./fetch.js";
import { PUNCH_GROUP } from "./kinds/punch-group.js";
import { memberPageSchema } from "./wire.js";

/** A punch group id no tenant has: DingTalk cannot list groups, so doctor reads this one. */
export const MADE_UP_GROUP = "orgform-doctor-no-such-group";
const PERMISSION = "the app's permission for the punch business platform APIs (dingtalk.oapi.pbp.*), granted in the DingTalk developer console";

type Read = (request: VendorRequest) => Promise<unknown>;
type Answer = { data: unknown } | { error: DriverError };

async function answerTo(read: Read, request: VendorRequest): Promise<Answer> {
  try {
    return { data: await read(request) };
  } catch (err) {
    if (err instanceof DriverError) return { error: err };
    throw err;
  }
}

const verdict = (v: AssumptionVerdict, detail: string) => ({ verdict: v, detail });

const unknownGroupCode: Assumption = {
  id: "dingtalk.unknown-group-errcode",
  statement: "A member-list read of a punch group the tenant does not have is answered with errcode 60121",
  source: "unverified: no source shows this answer; 60121 is DingTalk's 'user not found' (a Go SSO service's captured answers), used by the emulator as a stand-in",
  handling: "Any refusal of a member list fails the plan with the group's id and the vendor's code; a group is never read as missing on a guess, so nothing is planned from a misread",
  async check({ read }) {
    const answer = await answerTo(read, memberListRequest(MADE_UP_GROUP, 0, 1));
    if ("data" in answer) return verdict("contradicted", "a made-up punch group id was answered with a member list");
    const { code, failure, vendorMessage } = answer.error;
    if (failure === "permission" || failure === "auth") return verdict("cannot check", `the member list was refused (${String(code)}): grant ${PERMISSION}`);
    if (code === 60121) return verdict("holds", "a made-up punch group id is answered with errcode 60121");
    return verdict("contradicted", `a made-up punch group id is answered with errcode ${String(code)} (${vendorMessage}); the driver reports it naming the group`);
  },
};

const pageSize: Assumption = {
  id: "dingtalk.member-page-size",
  statement: `The member list accepts a page size of ${MEMBER_PAGE_SIZE}`,
  source: "unverified: the official SDK's OapiPbpInstanceGroupMemberListRequest check() sets no maximum; the sibling position-list page shows 20 in its example",
  handling: "The driver follows has_more/next_cursor, so a vendor serving fewer members per page loses nothing; a vendor refusing the size would fail every plan",
  async check({ read }) {
    const small = await answerTo(read, memberListRequest(MADE_UP_GROUP, 0, 1));
    const large = await answerTo(read, memberListRequest(MADE_UP_GROUP, 0, MEMBER_PAGE_SIZE));
    const codeOf = (a: Answer) => ("data" in a ? "a page" : String(a.error.code));
    if (codeOf(small) === codeOf(large)) return verdict("holds", `size ${MEMBER_PAGE_SIZE} is answered like size 1 (${codeOf(large)})`);
    return verdict("contradicted", `size 1 is answered with ${codeOf(small)}, size ${MEMBER_PAGE_SIZE} with ${codeOf(large)}`);
  },
};

const departmentMembers: Assumption = {
  id: "dingtalk.department-members-on-update",
  statement: "member/update accepts department members (type 1) as the member list reports them",
  source: "unverified: developer.alibaba.com/docs/api.htm?apiId=47778 documents only type 0 (employee) for update; the list answer documents type 1 (department)",
  handling: "type 1 is sent only for members the manifest writes as dept:<id>; a refusal fails that group's update with the vendor's code, and a silently ignored entry shows again as an addition in the next plan",
};

export const dingtalkDoctor: DoctorSpec = {
  probes: [
    {
      api: "pbp.instance.group.member.list",
      kinds: [PUNCH_GROUP],
      permission: `${PERMISSION}; DingTalk cannot list punch groups, so this reads a made-up group id and a not-found answer means the call is permitted`,
      request: memberListRequest(MADE_UP_GROUP, 0, 1),
      expectNotFound: true,
      check: (data) => answerProblem(memberPageSchema, data),
    },
  ],
  assumptions: [unknownGroupCode, pageSize, departmentMembers],
};

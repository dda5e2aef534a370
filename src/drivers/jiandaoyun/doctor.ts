import type { Assumption, AssumptionVerdict, DoctorSpec } from "../driver.js";
import { answerProblem } from "../kit/wire.js";
import { DriverError } from "../../model/errors.js";
import type { VendorRequest } from "../../model/request.js";
import { API, LIST_PAGE_SIZE, MEMBER_PAGE_SIZE } from "./api.js";
import { ROLE } from "./kinds/role.js";
import { ROLE_GROUP } from "./kinds/role-group.js";
import { readRoleGroups, readRoles, readUsers, roleGroupPage, rolePage, userPage } from "./wire.js";

/** A role number no company has: role/user/list needs one, and a not-found answer still shows the call is permitted. */
export const MADE_UP_ROLE = 1;
const PERMISSION = "an API key whose API scope includes the contacts role APIs and whose IP whitelist admits this machine (open platform > key management)";

const post = (path: string, body: Record<string, unknown>): VendorRequest => ({ method: "POST", path, body, bucket: path });
const verdict = (v: AssumptionVerdict, detail: string) => ({ verdict: v, detail });
type Read = (request: VendorRequest) => Promise<unknown>;

/**
 * Whether a list serves `size` per page: a page of `size` holds; a shorter page holds when the
 * next one is empty (there are no more objects), and shows a lower cap otherwise.
 */
async function servesPage(read: Read, path: string, params: Record<string, unknown>, size: number, count: (data: unknown) => number) {
  try {
    const first = count(await read(post(path, { ...params, skip: 0, limit: size })));
    if (first >= size) return verdict("holds", `a page of ${size} came back full`);
    const more = count(await read(post(path, { ...params, skip: first, limit: size })));
    if (more === 0) return verdict("holds", `the company has ${first}, all in one page`);
    return verdict("contradicted", `pages hold at most ${first}; orgform pages on until an empty page, so nothing is missed`);
  } catch (err) {
    if (err instanceof DriverError) return verdict("cannot check", `${path} was refused (${String(err.code)}): grant ${PERMISSION}`);
    throw err;
  }
}

const listPageSize: Assumption = {
  id: "jiandaoyun.list-page-size",
  statement: `role/list and role_group/list serve ${LIST_PAGE_SIZE} objects per page`,
  source: "unverified: help.jodoo.com/open/18522 and /open/18529 publish no maximum (the app list API documents 1–100)",
  handling: "Lists are read until an empty page, skip moving by what came back, so a lower cap loses nothing and creates nothing twice",
  check: ({ read }) => servesPage(read, API.roleGroupList, { has_internal: true, has_sync: true }, LIST_PAGE_SIZE, (d) => readRoleGroups(d, API.roleGroupList).length),
};

const memberPageSize: Assumption = {
  id: "jiandaoyun.member-page-size",
  statement: `role/user/list serves ${MEMBER_PAGE_SIZE} members per page`,
  source: "third-party only: the reference copy of the docs from a jdy-action project gives 10 000; help.jodoo.com/open/18526 does not say",
  handling: "Members are read until an empty page, so a lower cap loses nothing",
  async check({ read }) {
    let roleNo: number | undefined;
    try {
      roleNo = readRoles(await read(post(API.roleList, { skip: 0, limit: 1, has_internal: true, has_sync: true })), API.roleList)[0]?.role_no;
    } catch (err) {
      if (err instanceof DriverError) return verdict("cannot check", `role/list was refused (${String(err.code)})`);
      throw err;
    }
    if (roleNo === undefined) return verdict("cannot check", "the company has no role to read members of");
    return servesPage(read, API.roleUserList, { role_no: roleNo }, MEMBER_PAGE_SIZE, (d) => readUsers(d, API.roleUserList).length);
  },
};

const unchecked = (id: string, statement: string, source: string, handling: string): Assumption => ({ id, statement, source, handling });

export const jiandaoyunDoctor: DoctorSpec = {
  probes: [
    { api: "role_group/list", kinds: [ROLE_GROUP, ROLE], permission: PERMISSION, request: post(API.roleGroupList, { skip: 0, limit: 1, has_internal: true, has_sync: true }), check: (d) => answerProblem(roleGroupPage, d) },
    { api: "role/list", kinds: [ROLE], permission: PERMISSION, request: post(API.roleList, { skip: 0, limit: 1, has_internal: true, has_sync: true }), check: (d) => answerProblem(rolePage, d) },
    {
      api: "role/user/list",
      kinds: [ROLE],
      permission: `${PERMISSION}; this reads a made-up role number, so a role-not-found answer (1201) means the call is permitted`,
      request: post(API.roleUserList, { role_no: MADE_UP_ROLE, skip: 0, limit: 1 }),
      expectNotFound: true,
      check: (d) => answerProblem(userPage, d),
    },
  ],
  assumptions: [
    listPageSize,
    memberPageSize,
    unchecked(
      "jiandaoyun.empty-write-bodies",
      "A write succeeds with HTTP 2xx and either its documented body or no body at all",
      "unverified which: help.jodoo.com/open/18525 documents only the status for role/delete; jiandaoyun/api-demo's tests expect {\"status\":\"success\"}; the lava-jiandaoyun Java client says some writes answer HTTP 200 with an empty body",
      "A 2xx with an empty body or null counts as done for writes orgform does not read the answer of; a list or a create (whose new number orgform keeps) without a body is reported as a malformed answer",
    ),
    unchecked(
      "jiandaoyun.departed-members",
      "A departed member who still holds a role is not among the role's members orgform reads",
      "help.jodoo.com/open/18526: role/user/list returns invited and joined members only",
      "Such a member is never removed by orgform; named in a manifest, it shows as an addition on every plan (remove departed users from manifests)",
    ),
    unchecked(
      "jiandaoyun.auth-codes",
      "A missing, unknown or out-of-scope API key is answered with 8301, 17018 or 17052–17054",
      "unverified which code goes with which case: the codes come from the third-party reference copy of the error table",
      "Every one of them is an authentication failure: the run stops and names the code",
    ),
    unchecked(
      "jiandaoyun.duplicate-names",
      "What the vendor does with a second role or role group of a name already in use",
      "unverified: the create pages (help.jodoo.com/open/18523, /open/18530) do not say",
      "Creates are never repeated when their answer is lost: orgform re-reads and counts the create done when the object is there; two alike are both listed, the newer under name#number",
    ),
  ],
};

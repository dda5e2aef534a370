import type { CompileContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import type { VendorRequest } from "../../../model/request.js";

import { API, MEMBER_CHUNK } from "../api.js";
import { punchGroupOrg } from "../org.js";
import type { PunchGroupItem } from "./punch-group.item.js";

export { MEMBER_CHUNK };
export const PUNCH_GROUP = "dingtalk.PunchGroup";
/** Prefix that marks a department member (type 1) in the canonical member list. */
const DEPARTMENT_PREFIX = "dept:";

export interface MemberParam {
  member_id: string;
  type: number;
}

/** `{member_id, type}` → canonical member string: the userid, or `dept:<id>` for a department. */
export function memberToCanonical(member: string | { member_id: string; type?: number }): string {
  if (typeof member === "string") return member;
  return member.type === 1 ? `${DEPARTMENT_PREFIX}${member.member_id}` : member.member_id;
}

export function canonicalToMember(value: string): MemberParam {
  return value.startsWith(DEPARTMENT_PREFIX) ? { member_id: value.slice(DEPARTMENT_PREFIX.length), type: 1 } : { member_id: value, type: 0 };
}

export const punchGroup: KindSpec<PunchGroupItem> = {
  org: punchGroupOrg,
  kind: PUNCH_GROUP,
  keyField: "punch_group_id",
  schema: "kinds/dingtalk.PunchGroup.schema.json",
  fields: { members: { type: "set" } },
  pins: ["biz_inst_id", "biz_id"],
  listable: { cannot: "DingTalk has no call that lists punch groups; orgform reads the groups the manifests name" },
  create: { cannot: "punch groups are created with their business instance in DingTalk; orgform manages their members" },
  delete: { cannot: "DingTalk has no call that deletes a punch group" },

  toCanonical(item) {
    const fields: Record<string, unknown> = {};
    if (item.members !== undefined) fields["members"] = [...new Set(item.members.map(memberToCanonical))].sort();
    const pins: Record<string, unknown> = { biz_inst_id: item.biz_inst_id };
    if (item.biz_id !== undefined) pins["biz_id"] = item.biz_id;
    return { key: item.punch_group_id, fields, pins };
  },

  toItem(live: LiveResource) {
    const members = (live.fields["members"] as string[] | undefined) ?? [];
    return {
      punch_group_id: live.key,
      ...live.ids,
      members: members.map((m) => (m.startsWith(DEPARTMENT_PREFIX) ? canonicalToMember(m) : m)),
    };
  },

  compile(action: Action, ctx: CompileContext): VendorRequest[] {
    const live = ctx.live(PUNCH_GROUP, action.key);
    const ids = live?.ids ?? {};
    const change = action.changes.find((c) => c.field === "members");
    const add = (change?.add ?? []).map(canonicalToMember);
    const remove = (change?.remove ?? []).map(canonicalToMember);
    const calls = Math.max(Math.ceil(add.length / MEMBER_CHUNK), Math.ceil(remove.length / MEMBER_CHUNK));
    const requests: VendorRequest[] = [];
    for (let i = 0; i < calls; i++) {
      const slice = (list: MemberParam[]) => list.slice(i * MEMBER_CHUNK, (i + 1) * MEMBER_CHUNK);
      requests.push(memberUpdate(action.key, ids, slice(add), slice(remove)));
    }
    return requests;
  },
};

/**
 * One `member/update` call; field order follows the vendor's documented example
 * (developer.alibaba.com/docs/api.htm?apiId=47778). Department members (`type: 1`) are
 * documented for the list answer only; sending them on update is a declared assumption.
 */
export function memberUpdate(punchGroupId: string, ids: Record<string, unknown>, add: MemberParam[], remove: MemberParam[]): VendorRequest {
  const syncParam: Record<string, unknown> = {};
  if (remove.length) syncParam["delete_member_list"] = remove;
  if (add.length) syncParam["add_member_list"] = add;
  syncParam["punch_group_id"] = punchGroupId;
  syncParam["biz_inst_id"] = ids["biz_inst_id"];
  if (ids["biz_id"] !== undefined) syncParam["biz_id"] = ids["biz_id"];
  return { method: "POST", path: API.memberUpdate, body: { sync_param: syncParam }, bucket: API.memberUpdate };
}

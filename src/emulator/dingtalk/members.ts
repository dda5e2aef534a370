import { objectParam, type EmuResponse } from "../vendor.js";
import { fail, invalidParameter, ok } from "./answers.js";
import type { DingTalkMember, DingTalkPunchGroup, DingTalkSection } from "./state.js";

const DEFAULT_PAGE_SIZE_LIMIT = 100;
/** Stand-in for the unknown-group answer, which no source shows (60121 is DingTalk's "user not found"). */
const DEFAULT_UNKNOWN_GROUP_ERRCODE = 60121;

type Params = Record<string, unknown>;

/** Punch-group member list and update. Numbers are accepted as JSON numbers or strings, as the official SDK sends them. */
export const memberRoutes: Record<string, (state: DingTalkSection, params: Params) => EmuResponse> = {
  "/topapi/pbp/instance/group/member/list": memberList,
  "/topapi/pbp/instance/group/member/update": memberUpdate,
};

function memberList(state: DingTalkSection, params: Params): EmuResponse {
  const id = params["punch_group_id"];
  if (typeof id !== "string" || params["cursor"] === undefined || params["size"] === undefined) {
    return invalidParameter("punch_group_id, cursor and size are required");
  }
  const group = findGroup(state, id, params["biz_id"]);
  if (!group) return unknownGroup(state, id);
  const cursor = Number(params["cursor"]) || 0;
  const size = Math.min(Number(params["size"]) || 20, state.limits?.pageSize ?? DEFAULT_PAGE_SIZE_LIMIT);
  const list = group.members.slice(cursor, cursor + size);
  const next = cursor + list.length;
  return ok({ result: { has_more: next < group.members.length, next_cursor: next, list } });
}

function memberUpdate(state: DingTalkSection, params: Params): EmuResponse {
  const sync = objectParam(params["sync_param"]);
  if (!sync || typeof sync !== "object") return invalidParameter("sync_param is required");
  const p = sync as Params;
  if (typeof p["punch_group_id"] !== "string" || typeof p["biz_inst_id"] !== "string") {
    return invalidParameter("punch_group_id and biz_inst_id are required");
  }
  const group = findGroup(state, p["punch_group_id"], p["biz_id"]);
  if (!group) return unknownGroup(state, p["punch_group_id"]);
  if (group.biz_inst_id !== p["biz_inst_id"]) return invalidParameter("biz_inst_id does not match the punch group");
  const add = objectParam(p["add_member_list"] ?? []);
  const remove = objectParam(p["delete_member_list"] ?? []);
  if (!Array.isArray(add) || !Array.isArray(remove)) return invalidParameter("member lists must be arrays");
  for (const m of [...add, ...remove] as Params[]) {
    if (typeof m?.["member_id"] !== "string" || m["member_id"] === "") return invalidParameter("member_id empty");
    // The vendor's documented example error for a member without a type.
    if (m["type"] === undefined || m["type"] === null || m["type"] === "") return fail(100123, "type empty");
  }
  const known = state.users ? new Set(state.users) : undefined;
  const unknown = (add as DingTalkMember[]).find((m) => Number(m.type) === 0 && known && !known.has(m.member_id));
  // DingTalk's answer for an unknown user (a Go SSO service's captured answer).
  if (unknown) return fail(60121, "找不到该用户");
  const keyOf = (m: DingTalkMember) => `${Number(m.type)}:${m.member_id}`;
  const gone = new Set((remove as DingTalkMember[]).map(keyOf));
  group.members = group.members.filter((m) => !gone.has(keyOf(m)));
  const present = new Set(group.members.map(keyOf));
  for (const m of add as DingTalkMember[]) {
    if (!present.has(keyOf(m))) group.members.push({ member_id: m.member_id, type: Number(m.type) });
    present.add(keyOf(m));
  }
  return ok({ punch_group_id: group.punch_group_id });
}

function unknownGroup(state: DingTalkSection, id: string): EmuResponse {
  return fail(state.unknownGroupErrcode ?? DEFAULT_UNKNOWN_GROUP_ERRCODE, `punch group not found: ${id}`);
}

function findGroup(state: DingTalkSection, id: string, bizId: unknown): DingTalkPunchGroup | undefined {
  const group = state.punchGroups.find((g) => g.punch_group_id === id);
  if (group && typeof bizId === "string" && group.biz_id !== undefined && group.biz_id !== bizId) return undefined;
  return group;
}

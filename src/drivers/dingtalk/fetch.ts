import type { FetchContext } from "../driver.js";
import { DriverError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import type { VendorRequest } from "../../model/request.js";
import { API, MEMBER_PAGE_SIZE } from "./api.js";
import { PUNCH_GROUP } from "./kinds/punch-group.js";
import { pageMembers, readMemberPage } from "./wire.js";

export { MEMBER_PAGE_SIZE };

/** Read the members of each punch group the scope names (DingTalk cannot list punch groups). */
export async function fetchPunchGroups(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  const items = scope.find((s) => s.kind === PUNCH_GROUP)?.items ?? [];
  return Promise.all(items.map((item) => readGroup(ctx, item.key, item.pins)));
}

/** The member-list request for one page; `biz_id` only when the manifest pins it. */
export function memberListRequest(punchGroupId: string, cursor: number | string, size: number, bizId?: unknown): VendorRequest {
  const body: Record<string, unknown> = { punch_group_id: punchGroupId, cursor, size };
  if (bizId !== undefined) body["biz_id"] = bizId;
  return { method: "POST", path: API.memberList, body, bucket: API.memberList };
}

/**
 * Page with cursor/size while `has_more` holds: the vendor publishes no page maximum, so a page
 * shorter than asked says nothing. Any refusal fails the plan naming the group: which errcode
 * DingTalk gives for an unknown group is unverified, and a group read as "missing" on a guess
 * could hide a real one.
 */
async function readGroup(ctx: FetchContext, key: string, pins: Record<string, unknown>): Promise<LiveResource> {
  const members: string[] = [];
  let cursor: number | string = 0;
  for (;;) {
    const page = readMemberPage(await callForGroup(ctx, key, memberListRequest(key, cursor, MEMBER_PAGE_SIZE, pins["biz_id"])));
    members.push(...pageMembers(page));
    const { has_more: more, next_cursor: next, list } = page.result;
    if (!more || next === undefined || next === "" || String(next) === String(cursor) || list.length === 0) break;
    cursor = next;
  }
  return { target: ctx.target, kind: PUNCH_GROUP, key, fields: { members: [...new Set(members)].sort() }, ids: { ...pins } };
}

async function callForGroup(ctx: FetchContext, key: string, request: VendorRequest): Promise<unknown> {
  try {
    return await ctx.call(request);
  } catch (err) {
    // Token failures stay as they are: they are about the app, not the group.
    if (!(err instanceof DriverError) || err.detail?.path !== API.memberList) throw err;
    const hint = err.failure === "notFound" ? "; check punch_group_id and biz_id in the manifest" : "";
    throw new DriverError(err.vendor, err.failure, err.code, `punch group "${key}": ${err.vendorMessage}${hint}`, err.detail);
  }
}

import type { FetchContext } from "../driver.js";
import { DriverError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { PUNCH_GROUP } from "./kinds/punch-group.js";

export const MEMBER_LIST_PATH = "/topapi/pbp/instance/group/member/list";
/** Members per page; the largest the vendor is known to serve (vendor notes 1.3). */
export const MEMBER_PAGE_SIZE = 100;

interface MemberPage {
  result?: { has_more?: boolean; next_cursor?: number | string; list?: { member_id: string; type?: number }[] };
}

/** Read the members of each punch group the scope names; a group DingTalk does not know is left out. */
export async function fetchPunchGroups(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  const items = scope.find((s) => s.kind === PUNCH_GROUP)?.items ?? [];
  const groups = await Promise.all(items.map((item) => readGroup(ctx, item.key, item.pins)));
  return groups.filter((g): g is LiveResource => g !== undefined);
}

async function readGroup(ctx: FetchContext, key: string, pins: Record<string, unknown>): Promise<LiveResource | undefined> {
  const members: string[] = [];
  let cursor: number | string = 0;
  for (;;) {
    const body: Record<string, unknown> = { punch_group_id: key, cursor, size: MEMBER_PAGE_SIZE };
    if (pins["biz_id"] !== undefined) body["biz_id"] = pins["biz_id"];
    let page: MemberPage;
    try {
      page = (await ctx.call({ method: "POST", path: MEMBER_LIST_PATH, body, bucket: MEMBER_LIST_PATH })) as MemberPage;
    } catch (err) {
      if (err instanceof DriverError && err.failure === "notFound") return undefined;
      throw err;
    }
    const result = page.result;
    if (!result || !Array.isArray(result.list)) {
      throw new DriverError("dingtalk", "unknown", undefined, "member list answer has no result.list", { path: MEMBER_LIST_PATH });
    }
    for (const m of result.list) members.push(m.type === 1 ? `dept:${m.member_id}` : m.member_id);
    const next = result.next_cursor;
    if (!result.has_more || next === undefined || next === "" || result.list.length === 0) break;
    cursor = next;
  }
  return { target: ctx.target, kind: PUNCH_GROUP, key, fields: { members: [...new Set(members)].sort() }, ids: { ...pins } };
}

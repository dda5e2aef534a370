import type { CompileContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import type { VendorRequest } from "../../../model/request.js";
import { API } from "../api.js";
import type { RoleGroupItem } from "./role-group.item.js";

export const ROLE_GROUP = "jiandaoyun.RoleGroup";

/**
 * A self-built role group (自建角色组). Its key is its name; `group_no` may be pinned so that a
 * changed name renames the live group instead of replacing it.
 */
export const roleGroup: KindSpec<RoleGroupItem> = {
  kind: ROLE_GROUP,
  keyField: "name",
  schema: "kinds/jiandaoyun.RoleGroup.schema.json",
  fields: {},
  pins: ["group_no"],
  listable: true,
  create: true,
  delete: true,

  toCanonical(item) {
    const pins: Record<string, unknown> = {};
    if (item.group_no !== undefined) pins["group_no"] = item.group_no;
    return { key: item.name, fields: {}, pins };
  },

  toItem(live: LiveResource) {
    return { name: live.key, group_no: live.ids["group_no"] };
  },

  compile(action: Action, ctx: CompileContext): VendorRequest[] {
    // A create is never repeated blindly: how the vendor treats a second group of the same name is undocumented.
    if (action.op === "create") {
      return [{ method: "POST", path: API.roleGroupCreate, body: { name: action.key }, bucket: API.roleGroupCreate, capture: { group_no: "role_group.group_no" }, retrySafe: false }];
    }
    const groupNo = liveGroupNo(ctx, action.key);
    if (action.op === "delete") {
      return [{ method: "POST", path: API.roleGroupDelete, body: { role_group_no: groupNo }, bucket: API.roleGroupDelete }];
    }
    // The only thing a group has besides its number is its name: an update is a rename.
    if (action.renamedFrom === undefined) return [];
    return [{ method: "POST", path: API.roleGroupUpdate, body: { role_group_no: groupNo, name: action.key }, bucket: API.roleGroupUpdate }];
  },
};

function liveGroupNo(ctx: CompileContext, key: string): unknown {
  const live = ctx.live(ROLE_GROUP, key);
  if (live?.ids["group_no"] === undefined) throw new Error(`${ROLE_GROUP} "${key}" has no group_no in the live state`);
  return live.ids["group_no"];
}

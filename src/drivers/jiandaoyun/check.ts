import type { Diagnostic } from "../../model/plan.js";
import type { DesiredResource, LiveResource } from "../../model/resource.js";
import { ROLE, roleKey, roleName } from "./kinds/role.js";
import { ROLE_GROUP } from "./kinds/role-group.js";

/** Vendor rules found at plan time, before any write. */
export function checkJiandaoyun(desired: DesiredResource[], live: LiveResource[]): Diagnostic[] {
  const liveGroups = new Map(live.filter((l) => l.kind === ROLE_GROUP).map((l) => [l.key, l]));
  const liveRoles = live.filter((l) => l.kind === ROLE);
  const liveRoleKeys = new Set(liveRoles.map((l) => l.key));
  const desiredGroups = new Map(desired.filter((d) => d.kind === ROLE_GROUP).map((d) => [d.key, d]));
  const out: Diagnostic[] = [];
  for (const d of desired) {
    if (d.kind !== ROLE || d.absent || liveRoleKeys.has(d.key)) continue;
    const group = String(d.fields["group"]);
    const readOnlyGroup = liveGroups.get(group)?.readOnly;
    if (readOnlyGroup) {
      // Positions cost a second parse of the file: look them up only for a problem.
      out.push({ source: d.fieldSources?.["group"] ?? d.source, path: "group", message: `${ROLE} "${d.key}": cannot create or move a role into role group "${group}": it is ${readOnlyGroup}` });
      continue;
    }
    const oldGroup = renamedFrom(desiredGroups.get(group), liveGroups);
    if (oldGroup === undefined || isClaimed(d, liveRoles)) continue;
    const left = liveRoles.find((l) => l.key === roleKey(oldGroup, roleName(d.key, group)));
    if (!left) continue;
    out.push({
      source: d.source,
      message:
        `${ROLE} "${d.key}": its group is renamed from "${oldGroup}", where the live role "${left.key}" (role_no ${String(left.ids["role_no"])}) would be left ` +
        `while a second one is created; pin it with role_no: ${String(left.ids["role_no"])} (or previousKeys: ["${left.key}"]) to keep it`,
    });
  }
  return out;
}

/** The live key of the group a desired group renames through its pinned group_no, if any. */
function renamedFrom(group: DesiredResource | undefined, liveGroups: Map<string, LiveResource>): string | undefined {
  const pin = group?.pins["group_no"];
  if (!group || pin === undefined || liveGroups.has(group.key)) return undefined;
  for (const l of liveGroups.values()) if (String(l.ids["group_no"]) === String(pin)) return l.key;
  return undefined;
}

/** Whether the item already names a live role by its pinned role_no or a previous key. */
function isClaimed(d: DesiredResource, liveRoles: LiveResource[]): boolean {
  const pin = d.pins["role_no"];
  if (pin !== undefined && liveRoles.some((l) => String(l.ids["role_no"]) === String(pin))) return true;
  return d.previousKeys.some((k) => liveRoles.some((l) => l.key === k));
}

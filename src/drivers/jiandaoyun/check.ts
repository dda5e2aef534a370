import type { Match } from "../../model/match.js";
import type { Diagnostic } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { ROLE } from "./kinds/role.js";
import { ROLE_GROUP } from "./kinds/role-group.js";

/**
 * Vendor rules found at plan time, before any write: a role cannot be created in, or moved
 * into, a group the vendor keeps read-only (a synced or system group).
 */
export function checkJiandaoyun(matches: Match[], live: LiveResource[]): Diagnostic[] {
  const liveGroups = new Map(live.filter((l) => l.kind === ROLE_GROUP).map((l) => [l.key, l]));
  const out: Diagnostic[] = [];
  for (const { desired: d, live: current } of matches) {
    if (d.kind !== ROLE || d.absent) continue;
    const group = String(d.fields["group"]);
    if (current && current.fields["group"] === group) continue;
    const readOnlyGroup = liveGroups.get(group)?.readOnly;
    if (!readOnlyGroup) continue;
    out.push({ source: d.fieldSources?.["group"] ?? d.source, path: "group", message: `${ROLE} "${d.key}": cannot create or move a role into role group "${group}": it is ${readOnlyGroup}` });
  }
  return out;
}

import type { Diagnostic } from "../../model/plan.js";
import type { Match } from "../../model/match.js";
import type { DesiredResource, SourcePosition } from "../../model/resource.js";
import type { LiveResource } from "../../model/resource.js";
import { catalogOf, type Catalog } from "./facts.js";
import { DEPARTMENT } from "./kinds/department-model.js";

/** The built-in department types (0 部门 … 5 子公司; department/update_v5.html), valid in every tenant. */
const BUILT_IN_TYPES = new Set([0, 1, 2, 3, 4, 5]);

type Report = (field: string, position: SourcePosition | undefined, message: string) => void;

/**
 * Vendor rules checked at plan time, each problem tied to the item's file, line and field: a
 * name for every department that will be created, a department type the tenant has, and no
 * department created (or given a code) that a disabled department still holds. Custom field
 * values are left to the vendor: no published call lists the tenant's field definitions.
 */
export function checkDepartments(matches: Match[], _live: LiveResource[], facts: ReadonlyMap<string, unknown>): Diagnostic[] {
  const catalog = catalogOf(facts);
  const problems: Diagnostic[] = [];
  for (const match of matches) {
    const d = match.desired;
    if (d.kind !== DEPARTMENT || d.absent) continue;
    const report: Report = (field, position, message) => {
      problems.push({ source: position ?? d.source, path: field, message: `${DEPARTMENT} "${d.key}": ${message}` });
    };
    if (!match.live && (d.fields["name"] === undefined || d.fields["name"] === null)) {
      report("name", d.source, "name is required to create a department");
    }
    if (catalog) {
      checkType(d, catalog, report);
      if (!match.live || match.renamedFrom !== undefined) checkDisabledCode(d, catalog, report);
    }
  }
  return problems;
}

function checkType(d: DesiredResource, catalog: Catalog, report: Report): void {
  const type = d.fields["type"];
  if (typeof type !== "number" || BUILT_IN_TYPES.has(type) || catalog.types.has(type)) return;
  const known = [...new Set([...BUILT_IN_TYPES, ...catalog.types.keys()])]
    .sort((a, b) => a - b)
    .map((t) => (catalog.types.get(t) ? `${t} ${catalog.types.get(t)}` : String(t)));
  report("type", d.fieldSources?.["type"], `type ${type} is not a department type of this tenant (known: ${known.join(", ")})`);
}

/** A disabled department keeps its code: writing that code again would collide with it. */
function checkDisabledCode(d: DesiredResource, catalog: Catalog, report: Report): void {
  const holder = catalog.disabled.get(d.key);
  if (!holder) return;
  report(
    "code",
    d.source,
    `the code is held by the disabled department "${holder.name}" (departmentId ${holder.departmentId}); enable that department in Xinrenxinshi to manage it, or choose another code`,
  );
}

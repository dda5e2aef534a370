import type { Diagnostic } from "../../model/plan.js";
import type { Match } from "../../model/match.js";
import type { DesiredResource, LiveResource, SourcePosition } from "../../model/resource.js";
import { catalogOf, type Catalog } from "./catalog.js";
import { fieldValueProblem } from "./field-rules.js";
import { CUSTOM_PREFIX, DEPARTMENT } from "./kinds/department-model.js";

/** The built-in department types (0 部门 … 5 子公司), valid in every tenant. */
const BUILT_IN_TYPES = new Set([0, 1, 2, 3, 4, 5]);

/**
 * Vendor rules checked at plan time, each problem tied to the item's file, line and field:
 * a department type the tenant has, custom fields the tenant defines with values of the right
 * form, and a name for every department that will be created.
 */
export function checkDepartments(matches: Match[], _live: LiveResource[], facts: ReadonlyMap<string, unknown>): Diagnostic[] {
  const catalog = catalogOf(facts);
  const problems: Diagnostic[] = [];
  for (const { desired: d, live: matched } of matches) {
    if (d.kind !== DEPARTMENT || d.absent) continue;
    const report: Report = (field, position, message) => {
      problems.push({ source: position ?? d.source, path: field, message: `${DEPARTMENT} "${d.key}": ${message}` });
    };
    if (!matched && (d.fields["name"] === undefined || d.fields["name"] === null)) {
      report("name", d.source, "name is required to create a department");
    }
    if (catalog) {
      checkType(d, catalog, report);
      checkCustomFields(d, catalog, report);
    }
  }
  return problems;
}

type Report = (field: string, position: SourcePosition | undefined, message: string) => void;

function checkType(d: DesiredResource, catalog: Catalog, report: Report): void {
  const type = d.fields["type"];
  if (typeof type !== "number" || BUILT_IN_TYPES.has(type) || catalog.types.has(type)) return;
  const known = [...new Set([...BUILT_IN_TYPES, ...catalog.types.keys()])]
    .sort((a, b) => a - b)
    .map((t) => (catalog.types.get(t) ? `${t} ${catalog.types.get(t)}` : String(t)));
  report("type", d.fieldSources?.["type"], `type ${type} is not a department type of this tenant (known: ${known.join(", ")})`);
}

function checkCustomFields(d: DesiredResource, catalog: Catalog, report: Report): void {
  const defs = catalog.fields;
  if (!defs) return;
  // Positions cost a second parse of the file: look them up only for a problem.
  const position = () => d.fieldSources?.["fields"];
  for (const [field, value] of Object.entries(d.fields)) {
    if (!field.startsWith(CUSTOM_PREFIX)) continue;
    const name = field.slice(CUSTOM_PREFIX.length);
    const def = defs.get(name);
    if (!def) {
      const known = [...defs.keys()].join(", ") || "none";
      report(field, position(), `the tenant has no department custom field named "${name}" (defined: ${known})`);
      continue;
    }
    if (value === null || value === undefined) continue; // clearing a field is always allowed
    const problem = fieldValueProblem(def, String(value), catalog.regions);
    if (problem) report(field, position(), problem);
  }
}

import type { CompileContext } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import { PERSON, PERSON_FIELDS, WIRE_ORDER, wireValue } from "./person-fields.js";

/**
 * A batchAdd or batchUpdatePerson row: the key as the manifest writes it (batchUpdatePerson
 * appends `@hw` itself), then the fields the action sets, in the vendor's field order and JSON
 * types. An update carries only the fields that change, so fields orgform does not manage stay
 * as they are.
 */
export function personRow(action: Action): Record<string, unknown> {
  const after = new Map(action.changes.map((c) => [c.field, c.after]));
  const row: Record<string, unknown> = {};
  for (const name of WIRE_ORDER) {
    if (name === "personCode") {
      row[name] = action.key;
      continue;
    }
    const field = PERSON_FIELDS[name];
    const value = after.get(name);
    if (field && value !== undefined && value !== null) row[name] = wireValue(field, value);
  }
  return row;
}

/** The fields every person/batchUpdate row must carry besides the code (api_01_0120). */
export const PLAIN_REQUIRED = ["personName", "personType", "orgNo"] as const;

/**
 * A person/batchUpdate row for a person stored without `@hw`: the stored code, the required
 * name, type, status and organisation (the new value where the action changes it, else the
 * live one), then the other fields the action changes, in the order of the page's example.
 */
export function plainRow(action: Action, live: LiveResource): Record<string, unknown> {
  const after = new Map(action.changes.map((c) => [c.field, c.after]));
  const value = (name: string) => after.get(name) ?? live.fields[name];
  const row: Record<string, unknown> = {
    orgNo: value("orgNo"),
    personCode: live.ids["personCode"],
    personName: value("personName"),
    personStatus: live.ids["personStatus"],
    personType: value("personType"),
  };
  for (const name of WIRE_ORDER) {
    const field = PERSON_FIELDS[name];
    const changed = after.get(name);
    if (!field || name in row || changed === undefined || changed === null) continue;
    row[name] = wireValue(field, changed);
  }
  return row;
}

/** The live person an action works on (every update and delete has one). */
export function liveOf(action: Action, ctx: CompileContext): LiveResource | undefined {
  return ctx.live(PERSON, action.key);
}

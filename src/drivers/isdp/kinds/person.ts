import type { CompileContext, FetchContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import type { VendorRequest } from "../../../model/request.js";
import { sameFieldValue } from "../../../planner/diff.js";
import { readPersons, toLive } from "../fetch.js";
import { storedCode } from "../person-code.js";
import { canonicalValue, PERSON, PERSON_FIELD_SPECS, PERSON_FIELDS, WIRE_ORDER, wireValue } from "./person-fields.js";

export { PERSON };
export const BATCH_ADD_PATH = "/openapi/v1/person/batchAdd";
export const BATCH_UPDATE_PATH = "/openapi/v1/person/batchUpdatePerson";
export const DEREGISTER_PATH = "/openapi/v1/person/deregisterPerson";
/** Persons per batchAdd / batchUpdatePerson call (the vendor's default `saas.person.max-persons`). */
export const PERSON_BATCH = 100;

export const person: KindSpec = {
  kind: PERSON,
  keyField: "personCode",
  schema: "kinds/isdp.Person.schema.json",
  fields: PERSON_FIELD_SPECS,
  pins: [],
  listable: true,
  create: true,
  delete: true,
  // deregisterPerson takes one personCode, so deletes go one call each.
  batch: { create: PERSON_BATCH, update: PERSON_BATCH },

  toCanonical(item) {
    const fields: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(PERSON_FIELDS)) {
      if (item[name] !== undefined && item[name] !== null) fields[name] = canonicalValue(field, item[name]);
    }
    return { key: String(item["personCode"]), fields, pins: {} };
  },

  toItem(live: LiveResource) {
    const item: Record<string, unknown> = { personCode: live.key };
    for (const [name, value] of Object.entries(live.fields)) {
      // A phone read back masked (135******78) is not a value anyone can write down.
      if (PERSON_FIELDS[name]?.masked && String(value).includes("*")) continue;
      item[name] = value;
    }
    return item;
  },

  compile(action: Action, ctx: CompileContext): VendorRequest[] {
    if (action.op === "delete") return [deregister(action, ctx)];
    return compilePersons([action]);
  },

  compileBatch(actions: Action[]): VendorRequest[] {
    return compilePersons(actions);
  },

  settleFailedBatch,
};

/** One batchAdd or batchUpdatePerson call carrying every action's row (all of one op). */
function compilePersons(actions: Action[]): VendorRequest[] {
  const op = actions[0]?.op;
  if (!op || op === "delete") return [];
  const path = op === "create" ? BATCH_ADD_PATH : BATCH_UPDATE_PATH;
  return [{ method: "POST", path, body: { personList: actions.map(personRow) }, bucket: path }];
}

/**
 * A `personList` row: the key as the manifest writes it (the vendor adds `@hw`), then the
 * fields the action sets, in the vendor's field order and JSON types. An update carries only
 * the fields that change, so fields orgform does not manage stay as they are.
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

function deregister(action: Action, ctx: CompileContext): VendorRequest {
  // deregisterPerson looks the code up as sent: name the stored code, suffix included.
  const code = ctx.live(PERSON, action.key)?.ids["personCode"] ?? storedCode(action.key);
  return { method: "POST", path: DEREGISTER_PATH, body: { personCode: code }, bucket: DEREGISTER_PATH };
}

/**
 * After a failed batch: ISDP names no failed rows, so read the batch's persons again and call
 * an action applied only when the person now holds every value the action set (a delete: when
 * the person is gone or deregistered). Anything that cannot be confirmed counts as not applied.
 */
async function settleFailedBatch(actions: Action[], ctx: FetchContext): Promise<Set<string>> {
  const codes = [...new Set(actions.map((a) => storedCode(a.key)))];
  const rows = await readPersons(ctx, { personCodeList: codes });
  const now = new Map<string, LiveResource>();
  for (const row of rows) {
    const live = toLive(ctx.target, row);
    if (live && !live.readOnly) now.set(live.key, live);
  }
  const applied = new Set<string>();
  for (const action of actions) {
    const live = now.get(action.key);
    const done =
      action.op === "delete"
        ? live === undefined
        : live !== undefined && action.changes.every((c) => sameFieldValue(PERSON_FIELD_SPECS[c.field], c.after, live.fields[c.field]));
    if (done) applied.add(action.id);
  }
  return applied;
}

import type { CompileContext, FetchContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { VendorRequest } from "../../../model/request.js";
import { sameFieldValue } from "../../../planner/diff.js";
import { BATCH_ADD_PATH, BATCH_DEREGISTER_PATH, BATCH_UPDATE_PATH, BATCH_UPDATE_PERSON_PATH, PERSON_BATCH } from "../api.js";
import { readPersons } from "../fetch.js";
import { isSuffixed, personsByKey, storedForms } from "../wire.js";
import { canonicalFields, PERSON, PERSON_FIELD_SPECS, PERSON_FIELDS } from "./person-fields.js";
import { liveOf, personRow, plainRow } from "./person-rows.js";
import { personOrg } from "../org.js";
import type { PersonItem } from "./person.item.js";

export { PERSON, PERSON_BATCH };

export const person: KindSpec<PersonItem> = {
  org: personOrg,
  kind: PERSON,
  keyField: "personCode",
  schema: "kinds/isdp.Person.schema.json",
  fields: PERSON_FIELD_SPECS,
  pins: [],
  listable: true,
  create: true,
  delete: true,
  batch: { create: PERSON_BATCH, update: PERSON_BATCH, delete: PERSON_BATCH },

  toCanonical(item) {
    return { key: String(item.personCode), fields: canonicalFields(item), pins: {} };
  },

  toItem(live) {
    const item: Record<string, unknown> = { personCode: live.key };
    for (const [name, value] of Object.entries(live.fields)) {
      // A phone read back masked (135******78) is not a value anyone can write down.
      if (PERSON_FIELDS[name]?.masked && String(value).includes("*")) continue;
      item[name] = value;
    }
    return item;
  },

  compile(action, ctx) {
    return compilePersons([action], ctx);
  },

  compileBatch(actions, ctx) {
    return compilePersons(actions, ctx);
  },

  settleFailedBatch,
};

const post = (path: string, body: unknown, extra: Partial<VendorRequest> = {}): VendorRequest => ({ method: "POST", path, body, bucket: path, ...extra });

/**
 * The calls for actions of one op. Creates are one batchAdd, which is not repeated when its
 * answer is lost (the core re-reads instead). Updates go to the call that reaches each stored
 * code: batchUpdatePerson for `<code>@hw`, person/batchUpdate for a code stored as is. Deletes
 * are one batchDeregisterPerson naming the stored codes.
 */
function compilePersons(actions: Action[], ctx: CompileContext): VendorRequest[] {
  const op = actions[0]?.op;
  if (op === "create") return [post(BATCH_ADD_PATH, { personList: actions.map(personRow) }, { retrySafe: false })];
  if (op === "delete") {
    const codes = actions.map((a) => liveOf(a, ctx)?.ids["personCode"] ?? a.key);
    return [post(BATCH_DEREGISTER_PATH, { personList: codes })];
  }
  const suffixed: Record<string, unknown>[] = [];
  const plain: Record<string, unknown>[] = [];
  for (const action of actions) {
    const live = liveOf(action, ctx);
    if (!live || isSuffixed(live)) suffixed.push(personRow(action));
    else plain.push(plainRow(action, live));
  }
  const requests: VendorRequest[] = [];
  if (suffixed.length) requests.push(post(BATCH_UPDATE_PERSON_PATH, { personList: suffixed }));
  if (plain.length) requests.push(post(BATCH_UPDATE_PATH, { personList: plain }));
  return requests;
}

/**
 * After a failed batch: ISDP names no failed rows, so read the batch's persons again (under
 * both stored forms of each key) and call an action applied only when the person now holds
 * every value the action set that the list shows (a delete: when the person is gone or
 * deregistered). Anything that cannot be confirmed counts as not applied.
 */
async function settleFailedBatch(actions: Action[], ctx: FetchContext): Promise<Set<string>> {
  const codes = [...new Set(actions.flatMap((a) => storedForms(a.key)))];
  const now = personsByKey(ctx.target, await readPersons(ctx, { personCodeList: codes }));
  const applied = new Set<string>();
  for (const action of actions) {
    const live = now.get(action.key);
    const holds = (field: string, after: unknown) => {
      const spec = PERSON_FIELD_SPECS[field];
      const have = live?.fields[field];
      return (have === undefined && spec?.writeOnly === true) || sameFieldValue(spec, after, have);
    };
    const done = action.op === "delete" ? live === undefined : live !== undefined && action.changes.every((c) => holds(c.field, c.after));
    if (done) applied.add(action.id);
  }
  return applied;
}

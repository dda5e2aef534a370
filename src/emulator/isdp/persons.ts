import type { EmuResponse } from "../vendor.js";
import { failed, success, successWithoutFlags } from "./answers.js";
import { checkRow } from "./rows.js";
import { DEFAULT_BATCH_LIMIT, HW_SUFFIX, type IsdpPerson } from "./state.js";
import type { PersonStore } from "./store.js";

export type WriteCall = "batchAdd" | "batchUpdatePerson" | "batchUpdate";

/** The fields person/batchUpdate takes (api_01_0120); it ignores others, as a map binder does. */
const PLAIN_FIELDS = new Set(["personName", "personType", "orgNo", "phone", "customerCode", "supplierCode", "positionCode", "roleNo", ...Array.from({ length: 10 }, (_, i) => `udfExtend${i + 1}`)]);
const PLAIN_REQUIRED = ["personName", "personType", "personStatus", "orgNo"];
const PLAIN_MAX_ROLES = 5;

/**
 * The three person writes. Every row is checked first and the batch is applied only when all
 * pass; one bad row fails the whole call with its reason in `msg`.
 * - batchAdd stores `<code>@hw` or the code as sent, as the state's `batchAddStores` says;
 * - batchUpdatePerson appends `@hw` and updates that person (api_01_0402);
 * - person/batchUpdate updates the code as sent and needs name, type, status and organisation.
 */
export function writeBatch(store: PersonStore, call: WriteCall, params: Record<string, unknown>): EmuResponse {
  const state = store.state();
  const list = params["personList"];
  const limit = state.limits?.batch ?? DEFAULT_BATCH_LIMIT;
  if (!Array.isArray(list) || list.length === 0) return failed("personList is required and must not be empty");
  if (list.length > limit) return failed(`personList holds ${list.length} persons; at most ${limit} are allowed per call`);
  const staged: { stored: string; fields: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const row = checkRow(raw, state);
    if (!row.ok) return failed(`personCode ${describeCode(raw)}: ${row.message}`);
    const suffix = call === "batchUpdatePerson" || (call === "batchAdd" && state.batchAddStores !== "asSent");
    const stored = suffix ? `${row.code}${HW_SUFFIX}` : row.code;
    if (seen.has(stored)) return failed(`personCode ${row.code} appears twice in personList`);
    seen.add(stored);
    const existing = store.find(stored);
    const active = existing !== undefined && existing.personStatus !== "Cancel";
    if (call === "batchAdd" && active) return failed(`personCode ${row.code} already exists`);
    if (call !== "batchAdd" && !active) return failed(`person ${stored} does not exist`);
    let fields = row.fields;
    if (call === "batchUpdate") {
      const source = raw as Record<string, unknown>;
      const missing = PLAIN_REQUIRED.filter((f) => source[f] === undefined || source[f] === null || source[f] === "");
      if (missing.length) return failed(`personCode ${row.code}: ${missing.join(", ")} required`);
      fields = Object.fromEntries(Object.entries(fields).filter(([name]) => PLAIN_FIELDS.has(name)));
      if (String(fields["roleNo"] ?? "").split(",").filter(Boolean).length > PLAIN_MAX_ROLES) return failed(`personCode ${row.code}: at most ${PLAIN_MAX_ROLES} role codes`);
    }
    staged.push({ stored, fields });
  }
  const stamp = store.stamp();
  for (const { stored, fields } of staged) {
    const existing = store.find(stored);
    if (call !== "batchAdd" && existing) {
      Object.assign(existing, fields, { lastUpdateDate: stamp });
      for (const [name, value] of Object.entries(fields)) if (value === null) delete existing[name];
      continue;
    }
    // A new account, or a deregistered one opened again under the same code.
    const status = fields["openAccount"] === 1 ? "OpenAccount" : "NoAccountOpened";
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
    const person: IsdpPerson = { personCode: stored, personId: existing?.personId ?? store.nextId(), personStatus: status, ...given, lastUpdateDate: stamp };
    store.put(person);
  }
  return call === "batchUpdate" ? successWithoutFlags() : success();
}

function describeCode(raw: unknown): string {
  const code = raw && typeof raw === "object" ? (raw as Record<string, unknown>)["personCode"] : undefined;
  return typeof code === "string" && code ? code : "(missing)";
}

import type { EmuResponse } from "../vendor.js";
import { checkRow } from "./rows.js";
import { DEFAULT_BATCH_LIMIT, DEFAULT_PAGE_LIMIT, type IsdpPerson, type IsdpSection } from "./state.js";

/** The suffix ISDP gives the codes of persons the open API writes. */
export const SUFFIX = "@hw";
const DEFAULT_PAGE_COUNT = 20;

export const success = (data: unknown = null, msg: string | null = null): EmuResponse => ({
  status: 200,
  body: { status: "success", msg, data, success: true, failed: false },
  code: "success",
});

export const failed = (msg: string): EmuResponse => ({
  status: 200,
  body: { status: "failed", msg, data: null, success: false, failed: true },
  code: "failed",
});

/** Person routes over one state section; `now` stamps lastUpdateDate. */
export function personRoutes(getState: () => IsdpSection, now: () => number) {
  // Persons by stored code and the highest id, rebuilt when the state is replaced.
  let index: { persons: IsdpPerson[]; byCode: Map<string, IsdpPerson>; maxId: number } | undefined;
  const indexed = () => {
    const persons = getState().persons;
    if (index?.persons !== persons) {
      const byCode = new Map(persons.map((p) => [p.personCode, p]));
      const maxId = persons.reduce((m, p) => Math.max(m, p.personId ?? 0), 5000000);
      index = { persons, byCode, maxId };
    }
    return index;
  };
  const find = (code: string) => indexed().byCode.get(code);
  const nextId = () => ++indexed().maxId;

  /**
   * batchAdd and batchUpdatePerson: every row is checked first and the batch is applied only
   * when all pass; one bad row fails the whole call, with its reason in `msg`.
   */
  function writeBatch(mode: "add" | "update", params: Record<string, unknown>): EmuResponse {
    const state = getState();
    const list = params["personList"];
    const limit = state.limits?.batch ?? DEFAULT_BATCH_LIMIT;
    if (!Array.isArray(list) || list.length === 0) return failed("personList is required and must not be empty");
    if (list.length > limit) return failed(`personList holds ${list.length} persons; at most ${limit} are allowed per call`);
    const staged: { stored: string; fields: Record<string, unknown> }[] = [];
    const seen = new Set<string>();
    for (const raw of list) {
      const row = checkRow(raw, state);
      if (!row.ok) return failed(`personCode ${describeCode(raw)}: ${row.message}`);
      const stored = `${row.code}${SUFFIX}`;
      if (seen.has(stored)) return failed(`personCode ${row.code} appears twice in personList`);
      seen.add(stored);
      const existing = find(stored);
      const active = existing !== undefined && existing.personStatus !== "Cancel";
      if (mode === "add" && active) return failed(`personCode ${row.code} already exists`);
      if (mode === "update" && !active) return failed(`person ${stored} does not exist`);
      staged.push({ stored, fields: row.fields });
    }
    const stamp = new Date(now()).toISOString();
    for (const { stored, fields } of staged) {
      const existing = find(stored);
      if (mode === "update" && existing) {
        Object.assign(existing, fields, { lastUpdateDate: stamp });
        for (const [name, value] of Object.entries(fields)) if (value === null) delete existing[name];
        continue;
      }
      // A new account, or a deregistered one opened again under the same code.
      const status = fields["openAccount"] === 1 ? "OpenAccount" : "NoAccountOpened";
      const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
      const person: IsdpPerson = { personCode: stored, personId: existing?.personId ?? nextId(), personStatus: status, ...given, lastUpdateDate: stamp };
      if (existing) state.persons[state.persons.indexOf(existing)] = person;
      else state.persons.push(person);
      indexed().byCode.set(stored, person);
    }
    return success();
  }

  /** deregisterPerson: the code is looked up as sent; the account ends in status Cancel. */
  function deregister(params: Record<string, unknown>): EmuResponse {
    const code = params["personCode"];
    if (typeof code !== "string" || code === "") return failed("personCode is required");
    const person = find(code);
    if (!person) return failed(`person ${code} does not exist`);
    if (person.personStatus === "Cancel") return failed(`person ${code} is already deregistered`);
    person.personStatus = "Cancel";
    person["lastUpdateDate"] = new Date(now()).toISOString();
    return success(null, "注销人员成功");
  }

  /** getPersonList: filters, then `page.start`/`page.count`, answered without a status field. */
  function list(params: Record<string, unknown>): EmuResponse {
    const page = (params["page"] ?? {}) as { start?: unknown; count?: unknown };
    const start = page.start === undefined ? 0 : Number(page.start);
    const count = page.count === undefined ? DEFAULT_PAGE_COUNT : Number(page.count);
    const limit = getState().limits?.page ?? DEFAULT_PAGE_LIMIT;
    if (!Number.isInteger(start) || start < 0) return failed("page.start must be a non-negative integer");
    if (!Number.isInteger(count) || count < 1) return failed("page.count must be a positive integer");
    if (count > limit) return failed(`page.count ${count} exceeds the largest page, ${limit}`);
    const selected = getState()
      .persons.filter(matches(params))
      .sort((a, b) => (a.personId ?? 0) - (b.personId ?? 0));
    const rows = selected.slice(start, start + count).map(asListed);
    return { status: 200, body: { data: rows, pos: start, total_count: selected.length, entityName: null, totalCount: selected.length }, code: "page" };
  }

  return { writeBatch, deregister, list };
}

function describeCode(raw: unknown): string {
  const code = raw && typeof raw === "object" ? (raw as Record<string, unknown>)["personCode"] : undefined;
  return typeof code === "string" && code ? code : "(missing)";
}

function matches(params: Record<string, unknown>): (p: IsdpPerson) => boolean {
  const codes = Array.isArray(params["personCodeList"]) ? new Set((params["personCodeList"] as unknown[]).map(String)) : undefined;
  const fuzzy = typeof params["personCode"] === "string" && params["personCode"] ? params["personCode"] : undefined;
  const statuses = semicolonList(params["personStatus"]);
  const types = semicolonList(params["personType"]);
  return (p) =>
    (!codes || codes.has(p.personCode)) &&
    (!fuzzy || p.personCode.includes(fuzzy)) &&
    (!statuses || statuses.has(p.personStatus ?? "NoAccountOpened")) &&
    (!types || types.has(String(p["personType"] ?? "")));
}

function semicolonList(value: unknown): Set<string> | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return new Set(value.split(";").map((v) => v.trim()));
}

/** A stored person in getPersonList's shape: organisation, roles and positions as objects, phone masked. */
function asListed(p: IsdpPerson): Record<string, unknown> {
  const { orgNo, roleNo, positionCode, phone, ...rest } = p;
  const codes = (v: unknown) => (typeof v === "string" && v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);
  return {
    personId: p.personId,
    userId: (p.personId ?? 0) + 1000,
    tenantId: 1,
    personStatus: p.personStatus ?? "NoAccountOpened",
    ...rest,
    phone: typeof phone === "string" ? maskPhone(phone) : null,
    Org: typeof orgNo === "string" && orgNo ? { orgNo, orgName: orgNo, value: orgNo } : null,
    roleInfo: codes(roleNo).map((roleCode) => ({ roleCode, roleName: roleCode })),
    positionInfo: codes(positionCode).map((code) => ({ positionCode: code, positionName: code })),
  };
}

/** `13572003278` → `135******78`, as the list API shows numbers. */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  if (chars.length <= 5) return "*".repeat(chars.length);
  return chars.map((c, i) => (i < 3 || i >= chars.length - 2 ? c : "*")).join("");
}

import type { EmuResponse } from "../vendor.js";
import { DEREGISTERED_MSG, failed, personPage, success, successWithoutFlags } from "./answers.js";
import { DEFAULT_BATCH_LIMIT, DEFAULT_PAGE_LIMIT, type IsdpPerson } from "./state.js";
import type { PersonStore } from "./store.js";

const DEFAULT_PAGE_COUNT = 20;

/**
 * The fields getPersonList returns, besides the organisation, roles and positions it returns as
 * objects (api_01_0395's response example): no firstName, lastName, email, description,
 * customer or supplier code, openAccount, status, file ids, language or udfExtend5/6.
 */
const LISTED = [
  "personName", "personType", "certificateType", "certificateNo", "blackList", "reason", "integrationAccount",
  "udfExtend1", "udfExtend2", "udfExtend3", "udfExtend4", "udfExtend7", "udfExtend8", "udfExtend9", "udfExtend10", "lastUpdateDate",
];

/** getPersonList: filters, then `page.start`/`page.count`, answered without a status field. */
export function listPersons(store: PersonStore, params: Record<string, unknown>): EmuResponse {
  const page = (params["page"] ?? {}) as { start?: unknown; count?: unknown };
  const start = page.start === undefined ? 0 : Number(page.start);
  const count = page.count === undefined ? DEFAULT_PAGE_COUNT : Number(page.count);
  const limits = store.state().limits;
  const cap = limits?.page ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(start) || start < 0) return failed("page.start must be a non-negative integer");
  if (!Number.isInteger(count) || count < 1) return failed("page.count must be a positive integer");
  if (count > cap && limits?.refuseLargePages) return failed(`page.count ${count} exceeds the largest page, ${cap}`);
  const selected = store.state().persons.filter(matches(params)).sort((a, b) => (a.personId ?? 0) - (b.personId ?? 0));
  return personPage(selected.slice(start, start + Math.min(count, cap)).map(asListed), start, limits?.omitTotal ? undefined : selected.length);
}

/**
 * batchDeregisterPerson `{personList: [codes]}` (api_01_0396) and deregisterPerson
 * `{personCode}` (api_01_0114): codes are looked up as sent; an account ends in status Cancel.
 * A batch with one unknown code changes nothing.
 */
export function deregister(store: PersonStore, params: Record<string, unknown>): EmuResponse {
  const single = params["personCode"];
  const codes = Array.isArray(params["personList"]) ? params["personList"] : typeof single === "string" ? [single] : [];
  const limit = store.state().limits?.batch ?? DEFAULT_BATCH_LIMIT;
  if (codes.length === 0 || codes.some((c) => typeof c !== "string" || c === "")) return failed("personList is required and must hold person codes");
  if (codes.length > limit) return failed(`personList holds ${codes.length} persons; at most ${limit} are allowed per call`);
  const persons: IsdpPerson[] = [];
  for (const code of codes as string[]) {
    const person = store.find(code);
    if (!person || person.personStatus === "Cancel") return failed(`person ${code} does not exist or is already deregistered`);
    persons.push(person);
  }
  for (const person of persons) Object.assign(person, { personStatus: "Cancel", lastUpdateDate: store.stamp() });
  // batchDeregisterPerson's answer text is not documented (unverified): the envelope with flags.
  return typeof single === "string" ? successWithoutFlags(DEREGISTERED_MSG) : success();
}

function matches(params: Record<string, unknown>): (p: IsdpPerson) => boolean {
  const codes = Array.isArray(params["personCodeList"]) ? new Set((params["personCodeList"] as unknown[]).map(String)) : undefined;
  const fuzzy = typeof params["personCode"] === "string" && params["personCode"] ? params["personCode"] : undefined;
  const statuses = semicolonList(params["personStatus"]);
  const types = semicolonList(params["personType"]);
  // Y reads only smart-device accounts, N leaves them out; absent reads both (api_01_0395).
  const device = params["isSmartDevice"];
  return (p) =>
    (!codes || codes.has(p.personCode)) &&
    (!fuzzy || p.personCode.includes(fuzzy)) &&
    (!statuses || statuses.has(p.personStatus ?? "NoAccountOpened")) &&
    (!types || types.has(String(p["personType"] ?? ""))) &&
    (device !== "Y" || p.isSmartDevice === "Y") &&
    (device !== "N" || p.isSmartDevice !== "Y");
}

function semicolonList(value: unknown): Set<string> | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return new Set(value.split(";").map((v) => v.trim()));
}

/** A stored person in getPersonList's shape: listed fields only, phone masked. */
function asListed(p: IsdpPerson): Record<string, unknown> {
  const codes = (v: unknown) => (typeof v === "string" && v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);
  const listed = Object.fromEntries(LISTED.filter((f) => p[f] !== undefined).map((f) => [f, p[f]]));
  const orgNo = p["orgNo"];
  return {
    personId: p.personId,
    personCode: p.personCode,
    userId: (p.personId ?? 0) + 1000,
    tenantId: 1,
    personStatus: p.personStatus ?? "NoAccountOpened",
    isSmartDevice: p.isSmartDevice ?? "N",
    ...listed,
    phone: typeof p["phone"] === "string" ? maskPhone(p["phone"]) : null,
    Org: typeof orgNo === "string" && orgNo ? { orgNo, orgName: orgNo, value: orgNo } : null,
    roleInfo: codes(p["roleNo"]).map((roleCode) => ({ roleCode, roleName: roleCode })),
    positionInfo: codes(p["positionCode"]).map((code) => ({ positionCode: code, positionName: code })),
  };
}

/** `13572003278` → `135******78`, as the list API shows numbers. */
export function maskPhone(phone: string): string {
  const chars = [...phone];
  if (chars.length <= 5) return "*".repeat(chars.length);
  return chars.map((c, i) => (i < 3 || i >= chars.length - 2 ? c : "*")).join("");
}

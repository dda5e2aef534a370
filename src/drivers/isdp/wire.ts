import { answerSchema } from "../kit/wire.js";
import type { LiveResource } from "../../model/resource.js";
import { liveValue, PERSON, PERSON_FIELDS } from "./kinds/person-fields.js";

/** The token answer (api_01_0019): `expires_in` is typed String in the table, a number in the examples. */
export interface TokenAnswer {
  access_token: string;
  token_type?: string;
  expires_in?: number | string;
}
export const TOKEN_ANSWER = answerSchema<TokenAnswer>("token answer", {
  type: "object",
  required: ["access_token"],
  properties: { access_token: { type: "string", minLength: 1 }, token_type: { type: "string" }, expires_in: { type: ["number", "string"] } },
});

/** The write envelope `{status, msg, data, success, failed}` (api_01_0402 and others). */
export interface Envelope {
  status?: unknown;
  msg?: unknown;
  data?: unknown;
  success?: unknown;
  failed?: unknown;
  totalCount?: unknown;
  error_description?: unknown;
  error_msg?: unknown;
}

/** A body as a JSON object (empty when it is not one), and whether it was one. */
export function envelopeOf(parsed: unknown): { body: Envelope & Record<string, unknown>; isObject: boolean } {
  const isObject = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  return { body: isObject ? (parsed as Envelope & Record<string, unknown>) : {}, isObject };
}

/** One person as getPersonList lists it (the fields orgform reads; api_01_0395). */
export interface VendorPerson {
  personId?: number | string;
  personCode: string;
  personStatus?: string;
  isSmartDevice?: string | null;
  Org?: { orgNo?: string | null } | null;
  roleInfo?: { roleCode?: string | null }[] | null;
  positionInfo?: { positionCode?: string | null }[] | null;
  [field: string]: unknown;
}

/** A getPersonList page `{data, pos, totalCount, total_count, entityName}`, without a status. */
export interface PersonPage {
  data: VendorPerson[];
  totalCount?: number | string;
}
const codeList = (name: string) => ({
  type: ["array", "null"],
  items: { type: "object", properties: { [name]: { type: ["string", "null"] } } },
});
export const PERSON_PAGE = answerSchema<PersonPage>("getPersonList page", {
  type: "object",
  required: ["data"],
  properties: {
    data: {
      type: "array",
      items: {
        type: "object",
        required: ["personCode"],
        properties: {
          personCode: { type: "string" },
          personId: { type: ["integer", "string"] },
          personStatus: { type: "string" },
          Org: { type: ["object", "null"], properties: { orgNo: { type: ["string", "null"] } } },
          roleInfo: codeList("roleCode"),
          positionInfo: codeList("positionCode"),
        },
      },
    },
    totalCount: { type: ["integer", "string"] },
  },
});

/**
 * The `@hw` suffix. batchUpdatePerson appends it to each code it is sent and updates the
 * person stored under `<code>@hw` (api_01_0402). Where batchAdd stores a new person is not
 * documented, and the vendor's list examples show codes without it (api_01_0395, api_01_0113),
 * so a stored `x@hw` and a stored `x` both read as the key `x`.
 */
export const HW_SUFFIX = "@hw";

/** The manifest key of a stored code, and whether it is stored with the suffix. */
export function keyOfStored(code: string): { key: string; suffixed: boolean } {
  if (code.endsWith(HW_SUFFIX) && code.length > HW_SUFFIX.length) return { key: code.slice(0, -HW_SUFFIX.length), suffixed: true };
  return { key: code, suffixed: false };
}

/** Whether a person's stored code carries `@hw` (so batchUpdatePerson reaches it). */
export function isSuffixed(live: LiveResource): boolean {
  return String(live.ids["personCode"] ?? "").endsWith(HW_SUFFIX);
}

/** Both codes a key can be stored under, for reads by `personCodeList`. */
export function storedForms(key: string): string[] {
  return [key, `${key}${HW_SUFFIX}`];
}

/** A listed person → canonical live resource; undefined for a deregistered one or a device. */
export function toLive(target: string, p: VendorPerson): LiveResource | undefined {
  if (p.personCode === "" || p.personStatus === "Cancel" || p.isSmartDevice === "Y") return undefined;
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(PERSON_FIELDS)) {
    const value = liveValue(field, rawField(p, name));
    if (value !== undefined) fields[name] = value;
  }
  const ids = { personCode: p.personCode, personId: p.personId, personStatus: p.personStatus };
  return { target, kind: PERSON, key: keyOfStored(p.personCode).key, fields, ids };
}

/**
 * Listed persons by key. When both `x` and `x@hw` are stored, nobody can tell which one a
 * manifest's `x` means: the key is read-only until one of them is deregistered in the console.
 */
export function personsByKey(target: string, rows: VendorPerson[]): Map<string, LiveResource> {
  const byKey = new Map<string, LiveResource>();
  for (const row of rows) {
    const live = toLive(target, row);
    if (!live) continue;
    const other = byKey.get(live.key);
    if (other && other.ids["personCode"] !== live.ids["personCode"]) {
      other.readOnly = `both ${String(other.ids["personCode"])} and ${row.personCode} are stored, and orgform cannot tell which one ${live.key} means`;
      continue;
    }
    byKey.set(live.key, live);
  }
  return byKey;
}

/** The organisation, roles and positions come back as objects; everything else by its own name. */
function rawField(p: VendorPerson, name: string): unknown {
  switch (name) {
    case "orgNo":
      return p.Org?.orgNo ?? p["orgNo"];
    case "roleNo":
      return Array.isArray(p.roleInfo) ? p.roleInfo.map((r) => r.roleCode).filter(Boolean) : p["roleNo"];
    case "positionCode":
      return Array.isArray(p.positionInfo) ? p.positionInfo.map((x) => x.positionCode).filter(Boolean) : p["positionCode"];
    default:
      return p[name];
  }
}

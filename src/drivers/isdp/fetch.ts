import type { FetchContext } from "../driver.js";
import { DriverError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { liveValue, PERSON, PERSON_FIELDS } from "./kinds/person-fields.js";
import { keyOfStored } from "./person-code.js";

export const PERSON_LIST_PATH = "/openapi/v1/person/getPersonList";
/** Persons per page: the largest page ISDP's paged person and organisation queries serve. */
export const PERSON_PAGE_SIZE = 200;
/** Every person status but `Cancel`: a deregistered person counts as absent. */
export const ACTIVE_STATUSES = "NoAccountOpened;OpeningAccount;OpenAccount;Freeze";

/** One person as getPersonList returns it (the fields orgform reads). */
export interface VendorPerson {
  personId?: number | string;
  personCode?: string;
  personStatus?: string;
  Org?: { orgNo?: string } | null;
  roleInfo?: { roleCode?: string }[] | null;
  positionInfo?: { positionCode?: string }[] | null;
  [field: string]: unknown;
}

interface PersonPage {
  data?: unknown;
  totalCount?: unknown;
}

/**
 * Every person the filter selects, paged with `page.start`/`page.count`: one call, then as many
 * more as `totalCount` needs, advancing by the page size the vendor actually served.
 */
export async function readPersons(ctx: FetchContext, filter: Record<string, unknown>): Promise<VendorPerson[]> {
  const first = await readPage(ctx, filter, 0);
  const served = first.rows.length;
  if (served === 0 || served >= first.total) return first.rows;
  const starts: number[] = [];
  for (let start = served; start < first.total; start += served) starts.push(start);
  const rest = await Promise.all(starts.map((start) => readPage(ctx, filter, start)));
  return [first, ...rest].flatMap((p) => p.rows);
}

async function readPage(ctx: FetchContext, filter: Record<string, unknown>, start: number): Promise<{ rows: VendorPerson[]; total: number }> {
  const body = { page: { start, count: PERSON_PAGE_SIZE }, ...filter };
  const page = (await ctx.call({ method: "POST", path: PERSON_LIST_PATH, body, bucket: PERSON_LIST_PATH })) as PersonPage;
  const total = Number(page.totalCount);
  if (!Array.isArray(page.data) || !Number.isInteger(total)) {
    throw new DriverError("isdp", "unknown", undefined, "getPersonList answered without a data list and a totalCount", { path: PERSON_LIST_PATH });
  }
  return { rows: page.data as VendorPerson[], total };
}

/** Read every person that is not deregistered, in canonical form. */
export async function fetchPersons(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  if (!scope.some((s) => s.kind === PERSON)) return [];
  const persons = await readPersons(ctx, { personStatus: ACTIVE_STATUSES });
  const byKey = new Map<string, LiveResource>();
  for (const p of persons) {
    const live = toLive(ctx.target, p);
    if (!live) continue;
    // A console-made `x` and an open-API `x@hw` share the key `x`: the one orgform can update wins.
    const other = byKey.get(live.key);
    if (other && !other.readOnly) continue;
    byKey.set(live.key, live);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A vendor person → canonical live resource; undefined for a deregistered or codeless one. */
export function toLive(target: string, p: VendorPerson): LiveResource | undefined {
  if (typeof p.personCode !== "string" || p.personCode === "" || p.personStatus === "Cancel") return undefined;
  const { key, viaOpenApi } = keyOfStored(p.personCode);
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(PERSON_FIELDS)) {
    const value = liveValue(field, rawField(p, name));
    if (value !== undefined) fields[name] = value;
  }
  const live: LiveResource = { target, kind: PERSON, key, fields, ids: { personCode: p.personCode, personId: p.personId } };
  if (!viaOpenApi) {
    live.readOnly = `its code has no @hw suffix (it was not made through the open API), and batchUpdatePerson only reaches ${key}@hw`;
  }
  return live;
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

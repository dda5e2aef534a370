import type { FetchContext } from "../driver.js";
import { readAnswer } from "../kit/wire.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { ACTIVE_STATUSES, NO_DEVICES, PERSON_LIST_PATH, PERSON_PAGE_SIZE } from "./api.js";
import { PERSON } from "./kinds/person-fields.js";
import { PERSON_PAGE, personsByKey, type VendorPerson } from "./wire.js";

/** Re-exported for the benchmarks, which read the page size from here. */
export { PERSON_PAGE_SIZE };

interface Page {
  rows: VendorPerson[];
  total: number | undefined;
}

/**
 * Every person the filter selects. The first page tells how many rows the vendor serves per
 * page and the total; the rest is read as ranges of that size at once. A range whose page comes
 * back short is read on from where it stopped, and only an empty page or the documented total
 * ends a range. Without a total, pages are read one after another until an empty one.
 */
export async function readPersons(ctx: FetchContext, filter: Record<string, unknown>): Promise<VendorPerson[]> {
  const first = await readPage(ctx, filter, 0);
  const step = first.rows.length;
  if (step === 0) return [];
  if (first.total === undefined) return [...first.rows, ...(await readRange(ctx, filter, step, Infinity))];
  if (step >= first.total) return first.rows;
  const ranges: [number, number][] = [];
  for (let start = step; start < first.total; start += step) ranges.push([start, Math.min(start + step, first.total)]);
  const rest = await Promise.all(ranges.map(([start, end]) => readRange(ctx, filter, start, end)));
  return [first.rows, ...rest].flat();
}

async function readRange(ctx: FetchContext, filter: Record<string, unknown>, start: number, end: number): Promise<VendorPerson[]> {
  const rows: VendorPerson[] = [];
  for (let pos = start; pos < end; ) {
    const page = await readPage(ctx, filter, pos);
    if (page.rows.length === 0) break;
    rows.push(...page.rows.slice(0, end - pos));
    pos += page.rows.length;
  }
  return rows;
}

async function readPage(ctx: FetchContext, filter: Record<string, unknown>, start: number): Promise<Page> {
  const request = { method: "POST" as const, path: PERSON_LIST_PATH, body: { page: { start, count: PERSON_PAGE_SIZE }, ...NO_DEVICES, ...filter }, bucket: PERSON_LIST_PATH };
  const page = readAnswer("isdp", PERSON_PAGE, await ctx.call(request), request);
  const total = Number(page.totalCount);
  return { rows: page.data, total: page.totalCount === undefined || !Number.isInteger(total) ? undefined : total };
}

/** Read every person that is neither deregistered nor a smart device, in canonical form. */
export async function fetchPersons(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  if (!scope.some((s) => s.kind === PERSON)) return [];
  const persons = await readPersons(ctx, { personStatus: ACTIVE_STATUSES });
  return [...personsByKey(ctx.target, persons).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

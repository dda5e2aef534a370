import type { ListPage } from "./client.js";
import type { FetchContext } from "../driver.js";
import { DriverError } from "../../model/errors.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { UNIT } from "./kinds/unit-fields.js";
import { toLiveUnits, type WireAttribute, type WireDuty, type WireUnit } from "./wire.js";

export const REST_BASE = "/x_organization_assemble_control/jaxrs";
/** The most one `list/{flag}/next/{count}` page returns (the platform caps count at 200). */
export const PAGE_SIZE = 200;
/** The flag that starts a keyset listing at the beginning. */
const FIRST = "(0)";

type Family = "unit" | "unitattribute" | "unitduty";

/**
 * Every unit with its attributes and duties: three keyset listings over the whole tenant
 * (units, unit attributes, unit duties), 200 per call, read side by side. A tenant with up to
 * 200 of each costs three calls.
 */
export async function fetchUnits(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  if (!scope.some((s) => s.kind === UNIT)) return [];
  const [units, attributes, duties] = await Promise.all([
    listAll<WireUnit>(ctx, "unit"),
    listAll<WireAttribute>(ctx, "unitattribute"),
    listAll<WireDuty>(ctx, "unitduty"),
  ]);
  return toLiveUnits(ctx.target, units, attributes, duties);
}

/** Page through one listing: each page starts after the id of the previous page's last row. */
async function listAll<T extends { id: string }>(ctx: FetchContext, family: Family): Promise<T[]> {
  const rows: T[] = [];
  const seen = new Set<string>();
  let flag = FIRST;
  for (;;) {
    const path = `${REST_BASE}/${family}/list/${encodeURIComponent(flag)}/next/${PAGE_SIZE}`;
    const answer = (await ctx.call({ method: "GET", path, bucket: `${REST_BASE}/${family}/list` })) as ListPage | unknown[];
    const page = Array.isArray(answer) ? answer : answer?.rows;
    if (!Array.isArray(page)) throw new DriverError("o2oa", "unknown", undefined, `the ${family} listing did not answer with a list`, { method: "GET", path });
    for (const row of page as unknown[]) {
      if (!isRow(row)) throw new DriverError("o2oa", "unknown", undefined, `a ${family} row has no id`, { method: "GET", path });
      if (!seen.has(row.id)) rows.push(row as T);
      seen.add(row.id);
    }
    const last = page[page.length - 1] as { id: string } | undefined;
    // The envelope's count is the total: a full last page needs no empty page after it.
    const total = Array.isArray(answer) ? undefined : answer.total;
    if (page.length < PAGE_SIZE || !last || last.id === flag || (total !== undefined && total > 0 && rows.length >= total)) return rows;
    flag = last.id;
  }
}

function isRow(value: unknown): value is { id: string } {
  return typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string";
}

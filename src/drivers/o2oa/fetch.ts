import type { FetchContext } from "../driver.js";
import type { FetchScope } from "../../model/plan.js";
import type { LiveResource } from "../../model/resource.js";
import { FIRST_FLAG, listPath, PAGE_SIZE, REST_BASE, type Family } from "./api.js";

export { PAGE_SIZE, REST_BASE };
import { UNIT } from "./kinds/unit-fields.js";
import type { AnswerSchema } from "../kit/wire.js";
import { listPageSchema, readAnswer, rowSchemas, toLiveUnits } from "./wire.js";

/**
 * Every unit with its attributes, duties and identities: four keyset listings over the whole
 * tenant, read side by side. A tenant with up to 200 of each costs four calls. Identities are
 * read so that a plan can refuse a unit delete that would take members' identities with it.
 */
export async function fetchUnits(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]> {
  if (!scope.some((s) => s.kind === UNIT)) return [];
  const [units, attributes, duties, identities] = await Promise.all([
    listAll(ctx, "unit", rowSchemas.unit),
    listAll(ctx, "unitattribute", rowSchemas.unitattribute),
    listAll(ctx, "unitduty", rowSchemas.unitduty),
    listAll(ctx, "identity", rowSchemas.identity),
  ]);
  return toLiveUnits(ctx.target, units, attributes, duties, identities);
}

/**
 * Page through one listing: each page starts after the id of the previous page's last row.
 * The server may serve fewer rows than asked, so a short page ends nothing: paging stops once
 * the envelope's total is reached, at an empty page, or when a page brings no new row.
 */
export async function listAll<T extends { id: string }>(ctx: FetchContext, family: Family, schema: AnswerSchema<T[]>): Promise<T[]> {
  const rows: T[] = [];
  const seen = new Set<string>();
  let flag = FIRST_FLAG;
  for (;;) {
    const path = listPath(family, flag, PAGE_SIZE);
    const call = { method: "GET", path };
    const page = readAnswer("o2oa", listPageSchema, await ctx.call({ method: "GET", path, bucket: `${REST_BASE}/${family}/list` }), call);
    const typed = readAnswer("o2oa", schema, page.rows, call);
    let fresh = 0;
    for (const row of typed) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
      fresh++;
    }
    const last = typed[typed.length - 1];
    if (!last || fresh === 0) return rows;
    if (page.total !== undefined && rows.length >= page.total) return rows;
    flag = last.id;
  }
}

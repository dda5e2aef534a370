import type { Driver, FetchContext, KindSpec } from "../drivers/driver.js";
import type { Connection } from "../http/connection.js";
import { can } from "../model/kind.js";
import type { Action, FetchScope } from "../model/plan.js";
import type { VendorRequest } from "../model/request.js";

/** What reading back after a lost answer found. */
export type ReadBack = { held: true; outputs: Record<string, unknown> } | { held: false; message: string; unsure?: true };

/**
 * A write that must not be repeated was sent and its answer lost. Read the action's kind back
 * through the driver (only the action's key for kinds that cannot be listed): when the vendor
 * holds an object under the action's key, the write took effect, and the outputs later calls
 * need are the live object's ids under the request's capture names.
 */
export async function readBack(action: Action, request: VendorRequest, connection: Connection<Driver>, spec: KindSpec, ctx: FetchContext): Promise<ReadBack> {
  const scope: FetchScope = can(spec.listable) ? { kind: action.kind } : { kind: action.kind, items: [{ key: action.key, pins: {} }] };
  const what = `${request.method} ${request.path}`;
  let live;
  try {
    live = await connection.driver.fetch(ctx, [scope]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { held: false, unsure: true, message: `the answer to ${what} was lost, and reading ${action.kind} "${action.key}" back failed (${why}): plan again to see whether it exists` };
  }
  const found = live.find((r) => r.kind === action.kind && r.key === action.key);
  if (!found) return { held: false, message: `the answer to ${what} was lost and ${action.kind} "${action.key}" is not at the vendor: it was not carried out` };
  const outputs: Record<string, unknown> = {};
  for (const name of Object.keys(request.capture ?? {})) if (found.ids[name] !== undefined) outputs[name] = found.ids[name];
  return { held: true, outputs };
}

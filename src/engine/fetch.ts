import type { Connection } from "../http/connection.js";
import type { Driver, FetchContext } from "../drivers/driver.js";
import { can } from "../model/kind.js";
import type { FetchScope } from "../model/plan.js";
import type { DesiredResource, LiveResource } from "../model/resource.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";

/** Per target, what to read: every object of listable kinds, the named objects of the others. */
export function scopeFor(pairs: { target: string; kind: string }[], desired: DesiredResource[], lookup: DriverLookup = shippedDrivers): Map<string, FetchScope[]> {
  const out = new Map<string, FetchScope[]>();
  for (const { target, kind } of pairs) {
    const spec = lookup.kind(kind);
    const entry: FetchScope = { kind };
    if (spec && !can(spec.listable)) {
      entry.items = desired
        .filter((d) => d.target === target && d.kind === kind)
        .map((d) => ({ key: d.key, pins: d.pins }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    const list = out.get(target) ?? [];
    list.push(entry);
    out.set(target, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return out;
}

export function fetchContext(connection: Connection, facts = new Map<string, unknown>()): FetchContext {
  return { target: connection.target.name, call: (request) => connection.call(request), facts };
}

/**
 * Read live state for every target in the scope, targets in parallel. Tenant facts the drivers
 * note on the way go into `facts`, per target.
 */
export async function fetchLive(
  connections: Map<string, Connection<Driver>>,
  scope: Map<string, FetchScope[]>,
  facts = new Map<string, Map<string, unknown>>(),
): Promise<Map<string, LiveResource[]>> {
  const entries = await Promise.all(
    [...scope].map(async ([target, kinds]) => {
      const connection = connections.get(target);
      if (!connection) throw new Error(`no connection for target "${target}"`);
      const noted = new Map<string, unknown>();
      facts.set(target, noted);
      const live = await connection.driver.fetch(fetchContext(connection, noted), kinds);
      // A driver may return objects of kinds outside the scope (roles need their groups'
      // numbers): they stay, for compiling and ordering; only scoped kinds are planned.
      return [target, live] as const;
    }),
  );
  return new Map(entries);
}

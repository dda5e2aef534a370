import type { Driver, KindSpec } from "../drivers/driver.js";
import { drivers as shipped } from "../drivers/registry.js";

/** Where the engine finds drivers and kinds: the shipped registry, or a set a caller supplies. */
export interface DriverLookup {
  driver(name: string): Driver | undefined;
  kind(kind: string): KindSpec | undefined;
  /** Every kind by name, for the planner. */
  kinds(): ReadonlyMap<string, KindSpec>;
}

/** A lookup over the given drivers (a later driver with the same name replaces an earlier one). */
export function driverLookup(list: readonly Driver[]): DriverLookup {
  const byName = new Map(list.map((d) => [d.name, d]));
  const kinds = new Map<string, KindSpec>([...byName.values()].flatMap((d) => d.kinds.map((k) => [k.kind, k] as const)));
  return { driver: (name) => byName.get(name), kind: (kind) => kinds.get(kind), kinds: () => kinds };
}

/** The drivers orgform ships. */
export const shippedDrivers: DriverLookup = driverLookup(shipped);

/** The kind's spec, or an error naming it (a plan only holds kinds the lookup knows). */
export function requireKind(lookup: DriverLookup, kind: string): KindSpec {
  const spec = lookup.kind(kind);
  if (!spec) throw new Error(`unknown kind ${kind}`);
  return spec;
}

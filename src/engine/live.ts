import type { Connection } from "../http/connection.js";
import type { Driver } from "../drivers/driver.js";
import { Redactor } from "../http/redact.js";
import type { FetchScope } from "../model/plan.js";
import type { LiveResource } from "../model/resource.js";
import type { TargetConfig } from "../model/target.js";
import { connectTargets, type ConnectOptions } from "./connections.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";
import { fetchLive } from "./fetch.js";

/** Connections to the targets in play and what was read through them. */
export interface LiveState {
  connections: Map<string, Connection<Driver>>;
  live: Map<string, LiveResource[]>;
  scope: Map<string, FetchScope[]>;
  /** Tenant facts the drivers noted while reading, per target (for plan-time checks). */
  facts: Map<string, Map<string, unknown>>;
  /** Holds every credential and token the connections use, for scrubbing what is printed. */
  redactor: Redactor;
}

/** Connect to the targets the scope names and read their live state. */
export async function readLive(
  targets: TargetConfig[],
  scope: Map<string, FetchScope[]>,
  options: ConnectOptions = {},
  lookup: DriverLookup = shippedDrivers,
): Promise<LiveState> {
  const redactor = options.redactor ?? new Redactor();
  const connections = connectTargets(
    targets.filter((t) => scope.has(t.name)),
    { ...options, redactor },
    lookup,
  );
  const facts = new Map<string, Map<string, unknown>>();
  const live = await fetchLive(connections, scope, facts);
  return { connections, live, scope, facts, redactor };
}

import type { Manifests } from "../manifest/load.js";
import { UsageError } from "../model/errors.js";
import { can, reasonOf } from "../model/kind.js";
import type { ConnectOptions } from "./connections.js";
import { shippedDrivers, type DriverLookup } from "./drivers.js";
import { scopeFor } from "./fetch.js";
import { matchPeople, type ImportedPeople } from "./import-people-match.js";
import { sightingsIn, withManifestDetails, type Sighting } from "./import-people-sightings.js";
import { readLive } from "./live.js";

export interface PeopleRead {
  /** The targets read, by name. */
  targets: string[];
  /** Kinds that hold people but were not read: the vendor cannot list them and no manifest names one. */
  skipped: { target: string; kind: string; reason: string }[];
  sightings: Sighting[];
}

/**
 * Read, from every target the manifests name (or the one given), the kinds that hold people:
 * records bound to people, member lists, person fields. Read calls only. Kinds the vendor
 * cannot list are read for the objects the manifests name.
 */
export async function readPeople(manifests: Manifests, only: string | undefined, connect: ConnectOptions = {}, lookup: DriverLookup = shippedDrivers): Promise<PeopleRead> {
  if (only !== undefined && !manifests.targets.some((t) => t.name === only)) throw new UsageError(`--target ${only}: no such target in the manifests`);
  const targets = manifests.targets.filter((t) => only === undefined || t.name === only).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!targets.length) throw new UsageError("import --people: the manifests name no Target to read people from");
  const pairs: { target: string; kind: string }[] = [];
  const skipped: PeopleRead["skipped"] = [];
  for (const t of targets) {
    const driver = lookup.driver(t.driver);
    if (!driver) throw new UsageError(`target "${t.name}": unknown driver ${t.driver}`);
    const named = new Set(manifests.desired.filter((d) => d.target === t.name).map((d) => d.kind));
    for (const k of driver.kinds.filter((spec) => spec.org)) {
      if (can(k.listable) || named.has(k.kind)) pairs.push({ target: t.name, kind: k.kind });
      else skipped.push({ target: t.name, kind: k.kind, reason: reasonOf(k.listable) });
    }
  }
  const state = await readLive(manifests.targets, scopeFor(pairs, manifests.desired, lookup), connect, lookup);
  const sightings = targets.flatMap((t) => {
    const kinds = lookup.driver(t.driver)?.kinds ?? [];
    return withManifestDetails(sightingsIn(t.name, kinds, state.live.get(t.name) ?? []), kinds, manifests.desired);
  });
  return { targets: targets.map((t) => t.name), skipped, sightings };
}

/** People matched across the targets read. */
export function importedPeople(read: PeopleRead): ImportedPeople {
  return matchPeople(read.sightings);
}

import type { Driver, KindSpec } from "./driver.js";
import { dingtalk } from "./dingtalk/index.js";
import { isdp } from "./isdp/index.js";
import { jiandaoyun } from "./jiandaoyun/index.js";
import { o2oa } from "./o2oa/index.js";
import { xinrenxinshi } from "./xinrenxinshi/index.js";

/** Every driver orgform ships, by name. A test keeps this list equal to the driver folders. */
export const drivers: readonly Driver[] = [dingtalk, isdp, jiandaoyun, o2oa, xinrenxinshi];

const kindIndex = new Map<string, KindSpec>(drivers.flatMap((d) => d.kinds.map((k) => [k.kind, k] as const)));

export function findDriver(name: string): Driver | undefined {
  return drivers.find((d) => d.name === name);
}

export function findKind(kind: string): KindSpec | undefined {
  return kindIndex.get(kind);
}

export function allKinds(): KindSpec[] {
  return [...kindIndex.values()];
}

export function kindModels(): ReadonlyMap<string, KindSpec> {
  return kindIndex;
}

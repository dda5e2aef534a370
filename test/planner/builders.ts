import type { KindModel } from "../../src/model/kind.js";
import type { DesiredResource, LiveResource } from "../../src/model/resource.js";
import type { PlanInput } from "../../src/planner/planner.js";

/** A tree kind with a parent reference and a member set, like departments or units. */
export const DEPT: KindModel = {
  kind: "test.Dept",
  keyField: "code",
  fields: { name: { type: "scalar" }, parent: { type: "scalar", ref: "test.Dept" }, members: { type: "set" } },
  create: true,
  delete: true,
};

export const KINDS = new Map([[DEPT.kind, DEPT]]);

export function want(key: string, fields: Record<string, unknown> = {}, extra: Partial<DesiredResource> = {}): DesiredResource {
  return { target: "t", kind: DEPT.kind, key, fields, pins: {}, absent: false, previousKeys: [], source: { file: "m.yaml", line: 1, column: 1 }, ...extra };
}

export function have(key: string, fields: Record<string, unknown> = {}, extra: Partial<LiveResource> = {}): LiveResource {
  return { target: "t", kind: DEPT.kind, key, fields, ids: { id: `id-${key}` }, ...extra };
}

export function input(desired: DesiredResource[], live: LiveResource[], policy: PlanInput["policies"][string] = undefined): PlanInput {
  return { desired, live, kinds: KINDS, policies: { t: policy }, scope: [{ target: "t", kind: DEPT.kind }] };
}

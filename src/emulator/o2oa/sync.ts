import type { EmuResponse } from "../vendor.js";
import { syncResult } from "./answers.js";
import { unitDn, type StoredUnit } from "./state.js";
import type { UnitStore } from "./store.js";
import { readUnitInput, replaceList, type UnitInput } from "./sync-input.js";

/**
 * The organisation sync script behind `invoke/unitAsync/execute`: `add`, `update` and
 * `delete` of one unit with its whole attribute and duty lists. It answers HTTP 200 in every
 * case; `data.value.result` says whether the action happened.
 */
export function runUnitSync(body: Record<string, unknown>, store: UnitStore, now: number): EmuResponse {
  const action = body["action"];
  switch (action) {
    case "add":
      return add(body, store, now);
    case "update":
      return update(body, store, now);
    case "delete":
      return remove(body, store, now);
    default:
      return error(`不支持的操作: ${JSON.stringify(action ?? null)}. (action must be add, update or delete)`, now);
  }
}

function add(body: Record<string, unknown>, store: UnitStore, now: number): EmuResponse {
  const input = readUnitInput(body, store);
  if (!input.ok) return error(input.description, now);
  const v = input.value;
  if (v.unique && store.byUnique(v.unique)) return error(`组织唯一编码已存在: ${v.unique}. (unique already exists)`, now);
  const superior = v.superior?.unique ?? "";
  const clash = store.sibling(superior, v.name);
  if (clash) return error(`同级组织名称重复: ${v.name}. (a sibling unit already has this name: ${clash.unique})`, now);
  const id = store.freshId();
  const unique = v.unique || id;
  const unit: StoredUnit = {
    id,
    name: v.name,
    unique,
    superior,
    ...v.fields,
    orderNumber: v.orderNumber ?? store.nextOrderNumber(),
    distinguishedName: unitDn(v.name, unique),
    attributes: [],
    duties: [],
    identities: [],
  };
  applyLists(unit, v, store);
  store.units.push(unit);
  return done(unit, "组织新增成功. (unit added)", now);
}

function update(body: Record<string, unknown>, store: UnitStore, now: number): EmuResponse {
  const input = readUnitInput(body, store);
  if (!input.ok) return error(input.description, now);
  const v = input.value;
  // The unit is found by unique; the distinguished name sent is only a lookup hint.
  const unit = (v.unique ? store.byUnique(v.unique) : undefined) ?? (v.distinguishedName ? store.pick(v.distinguishedName) : undefined);
  if (!unit) return error(`组织不存在: ${v.unique || v.distinguishedName}. (unit does not exist)`, now);
  const unique = v.unique || unit.unique;
  if (unique !== unit.unique && store.byUnique(unique)) return error(`组织唯一编码已存在: ${unique}. (unique already exists)`, now);
  if (v.superior && store.isWithin(v.superior, unit)) return error(`上级组织不能是自身或下级组织: ${v.superior.unique}. (a unit cannot move below itself)`, now);
  const superior = v.superior?.unique ?? "";
  const clash = store.sibling(superior, v.name, unit);
  if (clash) return error(`同级组织名称重复: ${v.name}. (a sibling unit already has this name: ${clash.unique})`, now);
  if (unique !== unit.unique) for (const child of store.children(unit)) child.superior = unique;
  Object.assign(unit, v.fields, { name: v.name, unique, superior, distinguishedName: unitDn(v.name, unique) });
  if (v.orderNumber !== undefined) unit.orderNumber = v.orderNumber;
  applyLists(unit, v, store);
  return done(unit, "组织修改成功. (unit updated)", now);
}

/**
 * `delete`, modelled on the platform's REST unit delete (o2oa/o2oa x_organization_assemble_control
 * jaxrs/unit/ActionDelete.java), the most likely thing an installed script calls: the unit goes
 * with every sub-unit below it, their attributes, duties and identities, and those identities
 * leave every duty that named them.
 */
function remove(body: Record<string, unknown>, store: UnitStore, now: number): EmuResponse {
  const flags = [body["unique"], body["distinguishedName"], body["flag"]].filter((f): f is string => typeof f === "string" && f !== "");
  const unit = flags.map((f) => store.pick(f)).find((u) => u !== undefined);
  if (!unit) return error(`组织不存在: ${flags[0] ?? ""}. (unit does not exist)`, now);
  const doomed = store.units.filter((u) => store.isWithin(u, unit));
  const gone = new Set(doomed.flatMap((u) => u.identities.flatMap((i) => [i.id, i.unique, i.distinguishedName])));
  store.units = store.units.filter((u) => !doomed.includes(u));
  for (const u of store.units) for (const d of u.duties) d.value = d.value.filter((v) => !gone.has(v));
  return syncResult({ result: "success", description: "组织删除成功. (unit deleted)" }, now);
}

/** Attribute and duty lists are replaced as a whole. */
function applyLists(unit: StoredUnit, v: UnitInput, store: UnitStore): void {
  unit.attributes = replaceList(unit.attributes, v.attributes, "UA", store);
  unit.duties = replaceList(unit.duties, v.duties, "UD", store);
}

function done(unit: StoredUnit, description: string, now: number): EmuResponse {
  return syncResult({ id: unit.id, distinguishedName: unit.distinguishedName, result: "success", description }, now);
}

function error(description: string, now: number): EmuResponse {
  return syncResult({ result: "error", description }, now);
}

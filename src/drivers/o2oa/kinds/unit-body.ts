import type { Action, FieldChange } from "../../../model/plan.js";
import type { LiveResource } from "../../../model/resource.js";
import type { VendorRequest } from "../../../model/request.js";
import { SYNC_PATH } from "../api.js";
import { sub, THIRD_PARTY_FIELDS, unitIds, type UnitIds } from "./unit-fields.js";

export { SYNC_PATH };

/**
 * One call of the sync script. An `add` whose answer is lost is not repeated blindly (a second
 * one could create a second unit if the script does not refuse a taken unique): the core
 * re-reads the units and finds the new one under its unique.
 */
export function syncRequest(body: Record<string, unknown>): VendorRequest {
  const request: VendorRequest = { method: "POST", path: SYNC_PATH, body, bucket: SYNC_PATH };
  if (body["action"] === "add") request.retrySafe = false;
  return request;
}

/** `delete` names the unit by unique and by its current distinguished name (either suffices). */
export function deleteBody(live: LiveResource): Record<string, unknown> {
  return { action: "delete", unique: live.key, distinguishedName: unitIds(live)?.distinguishedName ?? "" };
}

/**
 * `add` or `update` with the whole unit, its full attribute and duty lists included: the
 * script replaces both lists, so what orgform does not manage goes back as it is live.
 * Keys follow the order of the vendor's request example.
 */
export function writeBody(action: Action, live: LiveResource | undefined): Record<string, unknown> {
  const after = new After(action.changes, live);
  const ids = unitIds(live);
  const name = text(after.value("name"));
  const body: Record<string, unknown> = {
    action: live ? "update" : "add",
    name,
    unique: action.key,
    distinguishedName: distinguishedName(action, name, ids),
    typeList: after.list("typeList", ids?.order.typeList),
    description: text(after.value("description")),
    shortName: text(after.value("shortName")),
    superior: text(after.value("superior")),
  };
  putNumber(body, "orderNumber", after.value("orderNumber"));
  body["controllerList"] = after.list("controllerList", ids?.order.controllerList);
  for (const f of THIRD_PARTY_FIELDS) body[f] = text(after.value(f));
  body["attributeList"] = attributeList(after, ids);
  body["dutyList"] = dutyList(after, ids);
  return body;
}

/**
 * The distinguished name a write sends. The vendor's pages say the system fills it in when it
 * is empty, and the platform computes it as name@unique@U when it stores a unit
 * (x_organization_core_entity Unit.java), so a write sends the name it will have afterwards:
 * a renamed unit never sends its old name, which a script storing or matching the field would
 * otherwise keep or look up. Only when the unique itself changes (`previousKeys`) is the current
 * name sent, as it is then the one field left that names the unit as it stands (unique is
 * unique, so it cannot name another unit).
 */
function distinguishedName(action: Action, name: string, ids: UnitIds | undefined): string {
  if (ids && action.renamedFrom !== undefined && action.renamedFrom !== action.key) return ids.distinguishedName;
  return `${name}@${action.key}@U`;
}

function attributeList(after: After, ids: UnitIds | undefined): Record<string, unknown>[] {
  const known = new Map((ids?.attributes ?? []).map((a) => [a.name, a]));
  return after.list(sub.attributeNames, ids?.attributes.map((a) => a.name)).map((name) => {
    const entry: Record<string, unknown> = {
      description: text(after.value(sub.attributeDescription(name))),
      name,
      unique: known.get(name)?.unique ?? "",
      distinguishedName: known.get(name)?.distinguishedName ?? "",
    };
    putNumber(entry, "orderNumber", after.value(sub.attributeOrderNumber(name)));
    const value = after.value(sub.attribute(name));
    entry["value"] = Array.isArray(value) ? value : [];
    return entry;
  });
}

function dutyList(after: After, ids: UnitIds | undefined): Record<string, unknown>[] {
  const known = new Map((ids?.duties ?? []).map((d) => [d.name, d]));
  return after.list(sub.dutyNames, ids?.duties.map((d) => d.name)).map((name) => {
    const live = known.get(name);
    const entry: Record<string, unknown> = {
      description: text(after.value(sub.dutyDescription(name))),
      name,
      unique: live?.unique ?? "",
      distinguishedName: live?.distinguishedName ?? "",
    };
    putNumber(entry, "orderNumber", after.value(sub.dutyOrderNumber(name)));
    entry["value"] = after.list(sub.duty(name), live?.members);
    return entry;
  });
}

/** Field values once an action's changes are applied to the live object. */
class After {
  private readonly byField: Map<string, FieldChange>;

  constructor(
    changes: FieldChange[],
    private readonly live: LiveResource | undefined,
  ) {
    this.byField = new Map(changes.map((c) => [c.field, c]));
  }

  value(field: string): unknown {
    const change = this.byField.get(field);
    if (change && !isSetChange(change)) return change.after;
    return this.live?.fields[field];
  }

  /** A list in the vendor's order: removals dropped, additions appended in sorted order. */
  list(field: string, vendorOrder: string[] | undefined): string[] {
    const base = vendorOrder ?? (this.live?.fields[field] as string[] | undefined) ?? [];
    const change = this.byField.get(field);
    if (!change) return [...base];
    const gone = new Set(change.remove ?? []);
    const out = base.filter((v) => !gone.has(v));
    for (const v of change.add ?? []) if (!out.includes(v)) out.push(v);
    return out;
  }
}

function isSetChange(change: FieldChange): boolean {
  return change.add !== undefined || change.remove !== undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** Order numbers are integers; an unknown one is left out (the server then puts it last). */
function putNumber(target: Record<string, unknown>, key: string, value: unknown): void {
  if (typeof value === "number") target[key] = value;
}

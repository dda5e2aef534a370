import type { CanonicalItem } from "../../driver.js";
import type { LiveResource } from "../../../model/resource.js";
import type { UnitItem } from "./unit.item.js";
import { asSet, DELETE_WITH_IDENTITIES, LIST_FIELDS, sub, TEXT_FIELDS } from "./unit-fields.js";

/** A manifest item → canonical fields. */
export function unitToCanonical(item: UnitItem): CanonicalItem {
  const fields: Record<string, unknown> = {};
  fields["name"] = item.name;
  // Omitting `superior` means "at the top level", so the field is always managed.
  fields["superior"] = item.superior ?? null;
  for (const f of TEXT_FIELDS) if (item[f] !== undefined) fields[f] = item[f];
  if (item.orderNumber !== undefined) fields["orderNumber"] = item.orderNumber;
  for (const f of LIST_FIELDS) if (item[f] !== undefined) fields[f] = asSet(item[f]);
  if (item[DELETE_WITH_IDENTITIES] !== undefined) fields[DELETE_WITH_IDENTITIES] = item[DELETE_WITH_IDENTITIES];

  const attributes = item.attributeList;
  if (attributes !== undefined) {
    fields[sub.attributeNames] = asSet(attributes.map((a) => a.name));
    for (const a of attributes) {
      fields[sub.attribute(a.name)] = valueList(a.value);
      if (a.description !== undefined) fields[sub.attributeDescription(a.name)] = a.description;
      if (a.orderNumber !== undefined) fields[sub.attributeOrderNumber(a.name)] = a.orderNumber;
    }
  }
  const duties = item.dutyList;
  if (duties !== undefined) {
    fields[sub.dutyNames] = asSet(duties.map((d) => d.name));
    for (const d of duties) {
      fields[sub.duty(d.name)] = asSet(valueList(d.value));
      if (d.description !== undefined) fields[sub.dutyDescription(d.name)] = d.description;
      if (d.orderNumber !== undefined) fields[sub.dutyOrderNumber(d.name)] = d.orderNumber;
    }
  }
  return { key: String(item.unique), fields, pins: {} };
}

/** The vendor takes a single attribute value as a string or a list; orgform keeps a list. */
export function valueList(value: string[] | string | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? [value] : value.map(String);
}

/** A live unit → a manifest item that manages everything it has (for `import`). */
export function unitToItem(live: LiveResource): Record<string, unknown> {
  const f = live.fields;
  const item: Record<string, unknown> = { unique: live.key, name: f["name"] };
  if (typeof f["superior"] === "string") item["superior"] = f["superior"];
  for (const l of LIST_FIELDS) if (Array.isArray(f[l]) && (f[l] as string[]).length) item[l] = f[l];
  if (f["orderNumber"] !== null && f["orderNumber"] !== undefined) item["orderNumber"] = f["orderNumber"];
  for (const t of TEXT_FIELDS) if (typeof f[t] === "string" && f[t] !== "") item[t] = f[t];
  const attributeNames = (f[sub.attributeNames] as string[] | undefined) ?? [];
  if (attributeNames.length) {
    item["attributeList"] = attributeNames.map((name) =>
      subItem(name, f[sub.attribute(name)], f[sub.attributeDescription(name)], f[sub.attributeOrderNumber(name)]),
    );
  }
  const dutyNames = (f[sub.dutyNames] as string[] | undefined) ?? [];
  if (dutyNames.length) {
    item["dutyList"] = dutyNames.map((name) => subItem(name, f[sub.duty(name)], f[sub.dutyDescription(name)], f[sub.dutyOrderNumber(name)]));
  }
  return item;
}

function subItem(name: string, value: unknown, description: unknown, orderNumber: unknown): Record<string, unknown> {
  const entry: Record<string, unknown> = { name, value: Array.isArray(value) ? value : [] };
  if (typeof description === "string" && description !== "") entry["description"] = description;
  if (typeof orderNumber === "number") entry["orderNumber"] = orderNumber;
  return entry;
}

import { blankThirdPartyIds, storeSub, THIRD_PARTY, type StoredSub, type StoredUnit } from "./state.js";
import type { UnitStore } from "./store.js";

/** A unit as the sync script reads it from a request, or the reason it cannot. */
export type Parsed<T> = { ok: true; value: T } | { ok: false, description: string };

export interface UnitInput {
  name: string;
  unique: string;
  distinguishedName: string;
  superior: StoredUnit | undefined;
  fields: Omit<StoredUnit, "id" | "name" | "unique" | "superior" | "distinguishedName" | "attributes" | "duties" | "identities" | "orderNumber">;
  orderNumber: number | undefined;
  attributes: Entry[];
  duties: Entry[];
}

interface Entry {
  name: string;
  unique: string;
  value: string[];
  description: string;
  orderNumber: number | undefined;
}

/** Read and check an add/update body (name rules, superior, attribute and duty lists). */
export function readUnitInput(body: Record<string, unknown>, store: UnitStore): Parsed<UnitInput> {
  const name = str(body["name"]).trim();
  if (!name) return fail("组织名称不能为空. (unit name is empty)");
  if (/[/\\]/.test(name)) return fail(`组织名称不符合要求: ${name}. (a unit name must not contain "/" or "\\")`);
  const unique = str(body["unique"]).trim();
  if (/\s/.test(unique)) return fail(`组织唯一编码不符合要求: ${unique}. (unique must not contain whitespace)`);
  const superiorFlag = str(body["superior"]).trim();
  const superior = superiorFlag ? store.pick(superiorFlag) : undefined;
  if (superiorFlag && !superior) return fail(`上级组织不存在: ${superiorFlag}. (superior does not exist)`);
  const attributes = readEntries(body["attributeList"], "属性");
  if (!attributes.ok) return attributes;
  const duties = readEntries(body["dutyList"], "职务");
  if (!duties.ok) return duties;
  const fields: UnitInput["fields"] = {
    typeList: strList(body["typeList"]),
    description: str(body["description"]),
    shortName: str(body["shortName"]),
    controllerList: strList(body["controllerList"]),
    ...blankThirdPartyIds(),
  };
  for (const f of THIRD_PARTY) fields[f] = str(body[f]);
  return {
    ok: true,
    value: { name, unique, distinguishedName: str(body["distinguishedName"]).trim(), superior, fields, orderNumber: num(body["orderNumber"]), attributes: attributes.value, duties: duties.value },
  };
}

/**
 * The script replaces a unit's list: entries it names are kept (matched by name, keeping their
 * identity) or created; the others are removed.
 */
export function replaceList(current: StoredSub[], entries: Entry[], suffix: "UA" | "UD", store: UnitStore): StoredSub[] {
  const byName = new Map(current.map((s) => [s.name, s]));
  return entries.map((e) => {
    const kept = byName.get(e.name);
    if (!kept) {
      return storeSub({ name: e.name, unique: e.unique, value: e.value, description: e.description, orderNumber: e.orderNumber }, suffix, () => store.freshId(), () => store.nextOrderNumber());
    }
    const unique = e.unique || kept.unique;
    return { ...kept, unique, distinguishedName: `${e.name}@${unique}@${suffix}`, value: [...e.value], description: e.description, orderNumber: e.orderNumber ?? kept.orderNumber };
  });
}

function readEntries(value: unknown, what: string): Parsed<Entry[]> {
  if (value === undefined || value === null || value === "") return { ok: true, value: [] };
  if (!Array.isArray(value)) return fail(`${what}列表格式错误. (${what === "属性" ? "attributeList" : "dutyList"} must be a list)`);
  const out: Entry[] = [];
  const names = new Set<string>();
  for (const raw of value as unknown[]) {
    const e = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const name = str(e["name"]).trim();
    if (!name) return fail(`${what}名称不能为空. (a ${what === "属性" ? "attribute" : "duty"} name is empty)`);
    if (names.has(name)) return fail(`${what}名称重复: ${name}. (names must be unique within the unit)`);
    names.add(name);
    out.push({ name, unique: str(e["unique"]).trim(), value: strList(e["value"]), description: str(e["description"]), orderNumber: num(e["orderNumber"]) });
  }
  return { ok: true, value: out };
}

function fail(description: string): { ok: false; description: string } {
  return { ok: false, description };
}

function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** A list field; the script also takes a single value as a string. */
function strList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(str).filter((v) => v !== "");
  const one = str(value);
  return one ? [one] : [];
}

function num(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

import type { EmuResponse } from "../vendor.js";
import { failure, PROMPT, success } from "./answers.js";
import type { StoredIdentity, StoredSub, StoredUnit } from "./state.js";
import type { UnitStore } from "./store.js";

export const REST_PREFIX = "/x_organization_assemble_control/jaxrs/";
/** The platform caps `count` at 200 and raises it to at least 1. */
const LIST_MAX = 200;
const FIRST = "(0)";

const LISTING = /^(unit|unitattribute|unitduty|identity)\/list\/([^/]+)\/next\/([^/]+)$/;

interface Row {
  id: string;
  /** Lookup names besides the id (unique, distinguished name). */
  flags: string[];
  wire: Record<string, unknown>;
}

/**
 * `GET {unit|unitattribute|unitduty}/list/{flag}/next/{count}`: keyset pages over every object
 * of the type, newest first; `(0)` starts at the beginning, any other flag continues after
 * that object. `count` in the envelope is the total.
 */
export function restListing(path: string, store: UnitStore, now: number, pageCap = LIST_MAX): EmuResponse | undefined {
  const m = LISTING.exec(path.slice(REST_PREFIX.length));
  if (!m) return undefined;
  const [, family = "", rawFlag = "", rawCount = ""] = m;
  const flag = decodeURIComponent(rawFlag);
  const count = Number(rawCount);
  if (!Number.isInteger(count)) return { status: 404, body: "Not Found", code: 404 };
  const rows = rowsOf(family, store).reverse();
  let start = 0;
  if (flag !== FIRST) {
    const at = rows.findIndex((r) => r.id === flag || r.flags.includes(flag));
    if (at < 0) return notFound(family, flag, now);
    start = at + 1;
  }
  const page = rows.slice(start, start + Math.max(Math.min(count, LIST_MAX, pageCap), 1));
  return success(
    page.map((r, i) => ({ ...r.wire, rank: start + i + 1 })),
    now,
    rows.length,
  );
}

function rowsOf(family: string, store: UnitStore): Row[] {
  if (family === "unit") return store.units.map((u) => ({ id: u.id, flags: [u.unique, u.distinguishedName], wire: unitWire(u, store) }));
  if (family === "identity") return store.units.flatMap((u) => u.identities.map((i) => ({ id: i.id, flags: [i.unique, i.distinguishedName], wire: identityWire(i, u) })));
  const attributes = family === "unitattribute";
  return store.units.flatMap((u) => (attributes ? u.attributes : u.duties).map((s) => ({ id: s.id, flags: [s.unique, s.distinguishedName], wire: subWire(s, u, attributes) })));
}

function unitWire(u: StoredUnit, store: UnitStore): Record<string, unknown> {
  const levelName = store.levelName(u);
  return {
    id: u.id,
    name: u.name,
    unique: u.unique,
    distinguishedName: u.distinguishedName,
    typeList: u.typeList,
    description: u.description,
    shortName: u.shortName,
    level: levelName.split("/").length,
    levelName,
    superior: u.superior ? (store.byUnique(u.superior)?.id ?? "") : "",
    orderNumber: u.orderNumber,
    controllerList: u.controllerList,
    inheritedControllerList: [],
    dingdingId: u.dingdingId,
    dingdingHash: u.dingdingHash,
    qiyeweixinId: u.qiyeweixinId,
    qiyeweixinHash: u.qiyeweixinHash,
    zhengwuDingdingId: u.zhengwuDingdingId,
    zhengwuDingdingHash: u.zhengwuDingdingHash,
  };
}

/** Attributes carry their values as `attributeList`, duties their members as `identityList`. */
function subWire(s: StoredSub, unit: StoredUnit, attribute: boolean): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    unique: s.unique,
    distinguishedName: s.distinguishedName,
    unit: unit.id,
    description: s.description,
    orderNumber: s.orderNumber,
  };
  wire[attribute ? "attributeList" : "identityList"] = s.value;
  return wire;
}

/** Identity.java: the unit and person are named by id and distinguished name. */
function identityWire(i: StoredIdentity, unit: StoredUnit): Record<string, unknown> {
  return { id: i.id, name: i.name, unique: i.unique, distinguishedName: i.distinguishedName, person: i.person, unit: unit.id, unitName: unit.name, unitLevelName: unit.name };
}

function notFound(family: string, flag: string, now: number): EmuResponse {
  if (family === "unit") return failure(`组织:${flag}不存在.`, PROMPT.unitNotExist, now);
  const what = family === "unitattribute" ? "UnitAttribute" : family === "identity" ? "Identity" : "UnitDuty";
  return failure(`${what}:${flag} 不存在.`, `com.x.organization.assemble.control.jaxrs.${family}.Exception${what}NotExist`, now);
}

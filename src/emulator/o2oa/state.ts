import { idGenerator } from "../vendor.js";

export interface O2oaSubObject {
  id?: string;
  name: string;
  unique?: string;
  distinguishedName?: string;
  /** Attribute values, or a duty's member flags. */
  value: string[];
  description?: string;
  orderNumber?: number;
}

export interface O2oaUnit {
  id?: string;
  name: string;
  unique: string;
  /** The parent's unique; empty at the top level. */
  superior?: string;
  typeList?: string[];
  description?: string;
  shortName?: string;
  orderNumber?: number;
  controllerList?: string[];
  distinguishedName?: string;
  dingdingId?: string;
  dingdingHash?: string;
  qiyeweixinId?: string;
  qiyeweixinHash?: string;
  zhengwuDingdingId?: string;
  zhengwuDingdingHash?: string;
  attributes?: O2oaSubObject[];
  duties?: O2oaSubObject[];
  /** Persons' memberships of the unit; the platform's unit delete removes them with it. */
  identities?: O2oaIdentity[];
}

export interface O2oaIdentity {
  id?: string;
  name: string;
  /** The person's distinguished name. */
  person: string;
  unique?: string;
}

export interface O2oaSection {
  accounts: { credential: string; password: string }[];
  ssoClients?: { client: string; key: string }[];
  /** Listed in creation order: the REST listings serve them newest first. */
  units: O2oaUnit[];
  /** Token lifetime (the platform's default is 15 days). */
  tokenTtlSeconds?: number;
  /** `person.encryptType`: the cipher of SSO tokens (default DES). */
  encryptType?: "DES" | "AES" | "SM4";
  /** `person.tokenName`: where the session token travels (default `x-token`). */
  tokenName?: string;
  /** The installed sync script refuses anonymous callers (the platform itself admits them). */
  invokeRefusesAnonymous?: boolean;
  /** The most rows a listing page serves (the platform's cap is 200). */
  listPageCap?: number;
  /** Whether the invoke record of the sync script exists and is enabled (default: installed). */
  syncScript?: "installed" | "disabled" | "missing";
}

/** A unit with every field filled in, as the emulator keeps it. */
export type StoredSub = Required<O2oaSubObject>;
export type StoredIdentity = Required<O2oaIdentity> & { distinguishedName: string };
export type StoredUnit = Required<Omit<O2oaUnit, "attributes" | "duties" | "identities">> & { attributes: StoredSub[]; duties: StoredSub[]; identities: StoredIdentity[] };

export const THIRD_PARTY = ["dingdingId", "dingdingHash", "qiyeweixinId", "qiyeweixinHash", "zhengwuDingdingId", "zhengwuDingdingHash"] as const;

/** Every third-party id field, empty. */
export function blankThirdPartyIds(): Record<(typeof THIRD_PARTY)[number], string> {
  return { dingdingId: "", dingdingHash: "", qiyeweixinId: "", qiyeweixinHash: "", zhengwuDingdingId: "", zhengwuDingdingHash: "" };
}

export function emptySection(): O2oaSection {
  return { accounts: [], units: [] };
}

/** Ids like the platform's: 36-character UUID-shaped, deterministic per emulator instance. */
export function uuidGenerator(prefix: string): () => string {
  const next = idGenerator(prefix, 32);
  return () => {
    const h = next();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
}

export function unitDn(name: string, unique: string): string {
  return `${name}@${unique}@U`;
}

/** Fill in what the platform computes: ids, uniques defaulting to ids, distinguished names. */
export function normalize(section: O2oaSection, newId: () => string, orderNumber: () => number): StoredUnit[] {
  return section.units.map((u) => {
    const id = u.id ?? newId();
    const unique = u.unique || id;
    const stored: StoredUnit = {
      id,
      name: u.name,
      unique,
      superior: u.superior ?? "",
      typeList: [...(u.typeList ?? [])],
      description: u.description ?? "",
      shortName: u.shortName ?? "",
      orderNumber: u.orderNumber ?? orderNumber(),
      controllerList: [...(u.controllerList ?? [])],
      distinguishedName: unitDn(u.name, unique),
      ...blankThirdPartyIds(),
      attributes: (u.attributes ?? []).map((a) => storeSub(a, "UA", newId, orderNumber)),
      duties: (u.duties ?? []).map((d) => storeSub(d, "UD", newId, orderNumber)),
      identities: (u.identities ?? []).map((i) => storeIdentity(i, newId)),
    };
    for (const f of THIRD_PARTY) stored[f] = u[f] ?? "";
    return stored;
  });
}

export function storeSub(s: O2oaSubObject, suffix: "UA" | "UD", newId: () => string, orderNumber: () => number): StoredSub {
  const id = s.id ?? newId();
  const unique = s.unique || id;
  return {
    id,
    name: s.name,
    unique,
    distinguishedName: `${s.name}@${unique}@${suffix}`,
    value: [...s.value],
    description: s.description ?? "",
    orderNumber: s.orderNumber ?? orderNumber(),
  };
}

export function storeIdentity(i: O2oaIdentity, newId: () => string): StoredIdentity {
  const id = i.id ?? newId();
  const unique = i.unique || id;
  return { id, name: i.name, person: i.person, unique, distinguishedName: `${i.name}@${unique}@I` };
}

import type { KindSpec } from "../drivers/driver.js";
import { peopleListPath, type OrgPerson, type PersonBinding } from "../model/org.js";
import type { DesiredResource, LiveResource } from "../model/resource.js";

/** One place a person's account id appears in a target's live state. */
export interface Sighting {
  target: string;
  account: string;
  /** Where, for a reader: `isdp.Person p000123`, `jiandaoyun.Role 研发/后端 members`. */
  seen: string;
  /** A record that stands for the person (it may carry a name, an email, a mobile). */
  record: boolean;
  name?: string;
  email?: string;
  mobile?: string;
}

type PersonAttribute = "name" | "email" | "mobile";

/**
 * Which item field a person binding fills from which Person attribute, found by filling it
 * from a Person whose attributes are marker strings: the reverse of the binding, with no
 * vendor field named here.
 */
function boundAttributes(binding: PersonBinding): Map<string, PersonAttribute> {
  const marker = (a: PersonAttribute) => `\u0000orgform-import:${a}`;
  const probe: OrgPerson = { handle: "probe", name: marker("name"), email: marker("email"), mobile: marker("mobile"), accounts: {}, left: false, source: { file: "", line: 0, column: 0 } };
  const filled = binding.fill({ person: probe, account: "" });
  const out = new Map<string, PersonAttribute>();
  for (const a of ["name", "email", "mobile"] as const) {
    for (const [field, value] of Object.entries(filled)) if (value === marker(a)) out.set(field, a);
  }
  return out;
}

/**
 * Every account id the org-aware kinds of a target hold in its live state: records bound to
 * people (with the name, email and mobile they carry), and the ids in people lists and person
 * fields (ids only). Read from each kind's manifest form, so masked or unwritable values a
 * driver leaves out of `toItem` are never matched on.
 */
export function sightingsIn(target: string, kinds: KindSpec[], live: LiveResource[]): Sighting[] {
  const out: Sighting[] = [];
  const byKind = new Map(kinds.filter((k) => k.org).map((k) => [k.kind, k]));
  for (const r of live) {
    const spec = byKind.get(r.kind);
    const org = spec?.org;
    if (!spec || !org || r.target !== target) continue;
    const item = spec.toItem(r);
    const binding = org.binding;
    if (binding?.by === "person") {
      const account = text(item[binding.keyField]) ?? r.key;
      const s: Sighting = { target, account, seen: `${r.kind} ${r.key}`, record: true };
      for (const [field, attribute] of boundAttributes(binding)) {
        const value = text(item[field]);
        if (value !== undefined) s[attribute] = value;
      }
      out.push(s);
    }
    const member = (account: string, field: string) => out.push({ target, account, seen: `${r.kind} ${r.key} ${field}`, record: false });
    for (const field of org.personFields ?? []) {
      const value = text(item[field]);
      if (value !== undefined) member(value, field);
    }
    for (const path of org.peopleLists ?? []) {
      const { field: head, inner: tail } = peopleListPath(path);
      const value = item[head];
      if (!Array.isArray(value)) continue;
      if (tail === undefined) {
        for (const id of value) if (text(id) !== undefined) member(String(id), head);
        continue;
      }
      for (const row of value) {
        if (typeof row !== "object" || row === null) continue;
        const r2 = row as Record<string, unknown>;
        const ids = r2[tail];
        const label = text(r2["name"]) !== undefined ? `${head} ${String(r2["name"])}` : head;
        if (Array.isArray(ids)) for (const id of ids) if (text(id) !== undefined) member(String(id), label);
      }
    }
  }
  return out;
}

/**
 * Add what the manifests say about a person record the target holds: the list calls do not
 * return everything (ISDP's getPersonList returns no email and masks phones), so an email or
 * a mobile written on the manifest's item for the same record is used where live state has
 * none. Records the manifests name but the target does not hold are not people found there.
 */
export function withManifestDetails(sightings: Sighting[], kinds: KindSpec[], desired: DesiredResource[]): Sighting[] {
  const byKind = new Map(kinds.filter((k) => k.org?.binding?.by === "person").map((k) => [k.kind, k]));
  const written = new Map<string, Partial<Record<PersonAttribute, string>>>();
  for (const d of desired) {
    const binding = byKind.get(d.kind)?.org?.binding;
    if (d.absent || binding?.by !== "person") continue;
    const details: Partial<Record<PersonAttribute, string>> = {};
    for (const [field, attribute] of boundAttributes(binding)) {
      const value = text(d.fields[field]);
      if (value !== undefined && !value.includes("*")) details[attribute] = value;
    }
    written.set(`${d.target}\u0000${d.key}`, details);
  }
  return sightings.map((s) => {
    const details = s.record ? written.get(`${s.target}\u0000${s.account}`) : undefined;
    if (!details) return s;
    const out = { ...s };
    for (const a of ["name", "email", "mobile"] as const) if (out[a] === undefined && details[a] !== undefined) out[a] = details[a];
    return out;
  });
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

import { emailKey, handleOf, mobileKey, usableEmail } from "./import-people-keys.js";
import { placeMembers, type UnmatchedAccount } from "./import-people-members.js";
import type { Sighting } from "./import-people-sightings.js";

export type { UnmatchedAccount };

/** A record that stands for a person on one target, with what it says about them. */
interface PersonRecord {
  target: string;
  account: string;
  name?: string;
  email?: string;
  mobile?: string;
  seen: string[];
}

/** An account a human may want to add to a Person: the import could not be sure. */
export interface SuggestedAccount {
  target: string;
  account: string;
  why: string;
}

export interface ImportedPerson {
  handle: string;
  name?: string;
  email?: string;
  mobile?: string;
  /** Target → account id, in target order. */
  accounts: Record<string, string>;
  /** Where each account was found. */
  seen: string[];
  /** Uncertain matches with other people, for a human to decide. */
  notes: string[];
  suggested: SuggestedAccount[];
}

export interface ImportedPeople {
  people: ImportedPerson[];
  unmatched: UnmatchedAccount[];
}

/** Records taken for one person; `into` is set once the group joined another. */
type Group = { records: PersonRecord[]; into?: Group };

function find(group: Group): Group {
  let g = group;
  while (g.into) g = g.into;
  return g;
}

/** Why two sets of records may not be one person, or undefined when nothing stands against it. */
function conflict(a: Group, b: Group): string | undefined {
  for (const x of a.records) {
    for (const y of b.records) {
      if (x.target === y.target) return `both are records on target "${x.target}" (${x.account}, ${y.account})`;
      const ex = emailKey(x.email), ey = emailKey(y.email);
      if (ex && ey && ex !== ey) return `their emails differ (${x.email}, ${y.email})`;
      const mx = mobileKey(x.mobile), my = mobileKey(y.mobile);
      if (mx && my && mx !== my) return `their mobiles differ (${x.mobile}, ${y.mobile})`;
    }
  }
  return undefined;
}

function keysOf(g: Group): string[] {
  return g.records.flatMap((r) => [emailKey(r.email), mobileKey(r.mobile)].filter((k): k is string => k !== undefined).map((k) => (k.includes("@") ? `e:${k}` : `m:${k}`)));
}

/**
 * One person per set of records whose email or mobile agrees (and where nothing disagrees and
 * no target holds two of them); everything less certain becomes a note or a suggestion.
 */
export function matchPeople(sightings: Sighting[]): ImportedPeople {
  const records = collectRecords(sightings);
  const all: Group[] = [];
  // Holders of an email or mobile key; stale entries are followed to the group they joined.
  const byKey = new Map<string, Group[]>();
  const refusals: { a: Group; b: Group; why: string }[] = [];
  for (const record of records) {
    let group: Group = { records: [record] };
    all.push(group);
    const keys = keysOf(group);
    const candidates: Group[] = [];
    for (const key of keys) {
      const holders = [...new Set((byKey.get(key) ?? []).map(find))];
      // An email or mobile that already stands for several people identifies no one.
      if (holders.length > 1) for (const h of holders) refusals.push({ a: h, b: group, why: "several people share that email or mobile" });
      else if (holders[0] && !candidates.includes(holders[0])) candidates.push(holders[0]);
    }
    for (const candidate of candidates) {
      const into = find(candidate);
      if (into === group) continue;
      const why = conflict(into, group);
      if (why !== undefined) {
        refusals.push({ a: into, b: group, why });
        continue;
      }
      // Join the candidate; a record that agrees with two people joins them too.
      into.records.push(...group.records);
      group.into = into;
      group = into;
    }
    for (const key of keys) {
      const holders = byKey.get(key) ?? [];
      if (!holders.some((h) => find(h) === group)) byKey.set(key, [...holders, group]);
    }
  }

  const people = new Map<Group, ImportedPerson>();
  for (const [group, person] of named(all.filter((g) => g.into === undefined))) people.set(group, person);
  const noted = new Set<string>();
  for (const { a, b, why } of refusals) {
    const pa = people.get(find(a)), pb = people.get(find(b));
    if (!pa || !pb || pa === pb || noted.has(pairOf(pa, pb))) continue;
    noted.add(pairOf(pa, pb));
    pa.notes.push(`Shares an email or a mobile with \`${pb.handle}\`, but ${why}: not merged.`);
    pb.notes.push(`Shares an email or a mobile with \`${pa.handle}\`, but ${why}: not merged.`);
  }
  noteSameNames([...people.values()], noted);
  const list = [...people.values()].sort((x, y) => (x.handle < y.handle ? -1 : 1));
  return { people: list, unmatched: placeMembers(sightings, list) };
}

function collectRecords(sightings: Sighting[]): PersonRecord[] {
  const byId = new Map<string, PersonRecord>();
  for (const s of sightings) {
    if (!s.record) continue;
    const id = `${s.target}\u0000${s.account}`;
    const r = byId.get(id) ?? { target: s.target, account: s.account, seen: [] };
    r.seen.push(s.seen);
    r.name ??= s.name;
    r.email ??= s.email;
    r.mobile ??= s.mobile;
    byId.set(id, r);
  }
  return [...byId.values()].sort((a, b) => (a.target + "\u0000" + a.account < b.target + "\u0000" + b.account ? -1 : 1));
}

/** Handles: the email's local part, else the first account id, made a valid handle and unique. */
function named(groups: Group[]): [Group, ImportedPerson][] {
  const seeded = groups.map((g) => {
    const records = [...g.records].sort((a, b) => (a.target < b.target ? -1 : 1));
    const email = records.map((r) => usableEmail(r.email)).find((e) => e !== undefined);
    const first = records[0] as PersonRecord;
    return { g, records, seed: handleOf(email?.split("@")[0]) ?? handleOf(first.account) ?? "person", order: `${first.target}\u0000${first.account}` };
  });
  seeded.sort((a, b) => (a.seed + "\u0000" + a.order < b.seed + "\u0000" + b.order ? -1 : 1));
  const taken = new Set<string>();
  return seeded.map(({ g, records, seed }) => {
    let handle = seed;
    for (let n = 2; taken.has(handle.toLowerCase()); n++) handle = `${seed.slice(0, 120)}-${n}`;
    taken.add(handle.toLowerCase());
    const person: ImportedPerson = { handle, accounts: {}, seen: [], notes: [], suggested: [] };
    for (const r of records) {
      person.accounts[r.target] = r.account;
      person.seen.push(...r.seen);
      // Only values the Person schema accepts (name up to 128 characters, one `@` in an email, mobile up to 32).
      if (r.name !== undefined && r.name.trim().length <= 128) person.name ??= r.name.trim();
      person.email ??= usableEmail(r.email);
      if (r.mobile !== undefined && r.mobile.trim().length <= 32) person.mobile ??= r.mobile.trim();
    }
    return [g, person];
  });
}

function pairOf(a: ImportedPerson, b: ImportedPerson): string {
  return a.handle < b.handle ? `${a.handle}\u0000${b.handle}` : `${b.handle}\u0000${a.handle}`;
}

/** People of the same name with no note between them yet: nothing but the name links them. */
function noteSameNames(people: ImportedPerson[], noted: Set<string>): void {
  const byName = new Map<string, ImportedPerson[]>();
  for (const p of people) if (p.name) byName.set(p.name.trim(), [...(byName.get(p.name.trim()) ?? []), p]);
  for (const [name, same] of byName) {
    if (same.length < 2) continue;
    for (const p of same) {
      const others = same.filter((o) => o !== p && !noted.has(pairOf(p, o))).map((o) => `\`${o.handle}\``).join(", ");
      if (others === "") continue;
      p.notes.push(`Same name (${name}) as ${others}, but no email or mobile agrees: not merged. If they are one person, move the accounts into one item and delete the other.`);
    }
  }
}


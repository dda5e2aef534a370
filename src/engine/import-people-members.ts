import type { ImportedPerson } from "./import-people-match.js";
import { partsOf } from "./import-people-keys.js";
import type { Sighting } from "./import-people-sightings.js";

/** An id seen only in member lists that the import could not tie to one person. */
export interface UnmatchedAccount {
  target: string;
  account: string;
  seen: string[];
  /** Handles it might belong to (the id equals their handle, email name or another account). */
  candidates: string[];
}

/** People by the strings a member id may equal, each with the reason it would; built once, looked up per id. */
function indexPeople(people: ImportedPerson[]): { whole: Map<string, Map<ImportedPerson, string>>; part: Map<string, Map<ImportedPerson, string>> } {
  const whole = new Map<string, Map<ImportedPerson, string>>();
  const part = new Map<string, Map<ImportedPerson, string>>();
  const add = (index: typeof whole, key: string | undefined, p: ImportedPerson, why: string) => {
    if (!key) return;
    const entry = index.get(key) ?? new Map<ImportedPerson, string>();
    if (!entry.has(p)) entry.set(p, why);
    index.set(key, entry);
  };
  for (const p of people) {
    add(whole, p.handle.toLowerCase(), p, "the id equals this person's handle");
    add(whole, p.email?.split("@")[0]?.toLowerCase(), p, "the id equals this person's email name");
    for (const account of Object.values(p.accounts)) add(whole, account, p, "the id equals this person's account on another target");
    add(part, p.handle.toLowerCase(), p, "a part of the id equals this person's handle or name");
    add(part, p.name?.toLowerCase(), p, "a part of the id equals this person's handle or name");
  }
  return { whole, part };
}

/**
 * Ids seen only in member lists: one that equals exactly one person's handle, email name or
 * other account (or has a part, as in `name@unique@I`, equal to their handle or name) becomes
 * a suggested account on that person; the rest are listed unmatched. Linear in the sightings.
 */
export function placeMembers(sightings: Sighting[], people: ImportedPerson[]): UnmatchedAccount[] {
  const members = new Map<string, UnmatchedAccount>();
  const recorded = new Set(people.flatMap((p) => Object.entries(p.accounts).map(([t, a]) => `${t}\u0000${a}`)));
  for (const s of sightings) {
    const id = `${s.target}\u0000${s.account}`;
    if (s.record || recorded.has(id)) continue;
    const m = members.get(id) ?? { target: s.target, account: s.account, seen: [], candidates: [] };
    if (!m.seen.includes(s.seen)) m.seen.push(s.seen);
    members.set(id, m);
  }
  const { whole, part } = indexPeople(people);
  const unmatched: UnmatchedAccount[] = [];
  for (const m of [...members.values()].sort((a, b) => (`${a.target}\u0000${a.account}` < `${b.target}\u0000${b.account}` ? -1 : 1))) {
    const reasons = new Map<ImportedPerson, string>();
    const found = [whole.get(m.account.toLowerCase()), whole.get(m.account), ...partsOf(m.account).map((k) => part.get(k))];
    for (const entry of found) for (const [p, why] of entry ?? []) if (p.accounts[m.target] === undefined && !reasons.has(p)) reasons.set(p, why);
    const [only] = reasons;
    if (reasons.size === 1 && only && !only[0].suggested.some((s) => s.target === m.target)) {
      only[0].suggested.push({ target: m.target, account: m.account, why: `seen only as a member (${m.seen.join("; ")}); ${only[1]}` });
    } else {
      m.candidates = [...reasons.keys()].map((p) => p.handle);
      unmatched.push(m);
    }
  }
  return unmatched;
}

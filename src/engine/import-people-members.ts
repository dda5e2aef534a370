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

/**
 * Ids seen only in member lists: one that equals exactly one person's handle, email name or
 * other account becomes a suggested account on that person; the rest are listed unmatched.
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
  const unmatched: UnmatchedAccount[] = [];
  for (const m of [...members.values()].sort((a, b) => (`${a.target}\u0000${a.account}` < `${b.target}\u0000${b.account}` ? -1 : 1))) {
    const lower = m.account.toLowerCase();
    const reasons = new Map<ImportedPerson, string>();
    for (const p of people) {
      if (p.accounts[m.target] !== undefined) continue;
      if (p.handle.toLowerCase() === lower) reasons.set(p, "the id equals this person's handle");
      else if (p.email?.split("@")[0]?.toLowerCase() === lower) reasons.set(p, "the id equals this person's email name");
      else if (Object.values(p.accounts).includes(m.account)) reasons.set(p, "the id equals this person's account on another target");
      else if (partsOf(m.account).some((part) => part === p.handle.toLowerCase() || part === p.name?.toLowerCase())) reasons.set(p, "a part of the id equals this person's handle or name");
    }
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

import type { OrgPerson, Selector } from "../../model/org.js";
import { editDistance } from "../suggest.js";
import type { Directory } from "./directory.js";

/** What one selector stands for on one target. */
export type SelectorResult =
  | { ok: true; ids: string[]; /** People reached through a team or department who have no account there. */ missing: OrgPerson[] }
  | { ok: false; message: string };

/**
 * Resolve a selector on a target through the people's accounts. A person who has left
 * resolves to nothing anywhere. An explicit `{person: x}` with no account on the target is an
 * error; people reached through a team or a department without an account there are left
 * out and reported as missing.
 */
export function resolveSelector(dir: Directory, selector: Selector, target: string): SelectorResult {
  if ("person" in selector) {
    const p = dir.people.get(selector.person);
    if (!p) return { ok: false, message: `unknown Person "${selector.person}"${suggest(selector.person, dir.people.keys())}` };
    if (p.left) return { ok: true, ids: [], missing: [] };
    const id = p.accounts[target];
    if (id === undefined) return { ok: false, message: `Person "${p.handle}" has no account on target "${target}" (add accounts.${target} to the Person)` };
    return { ok: true, ids: [id], missing: [] };
  }
  const people = "team" in selector ? teamPeople(dir, selector.team) : departmentPeople(dir, selector.department, selector.subtree === true);
  if (!people) {
    const [kind, handle, known] = "team" in selector ? ["Team", selector.team, dir.teams.keys()] : ["Department", selector.department, dir.departments.keys()];
    return { ok: false, message: `unknown ${kind} "${handle}"${suggest(handle, known)}` };
  }
  const ids: string[] = [];
  const missing: OrgPerson[] = [];
  for (const p of people) {
    if (p.left) continue;
    const id = p.accounts[target];
    if (id === undefined) missing.push(p);
    else ids.push(id);
  }
  return { ok: true, ids, missing };
}

const teamCache = new WeakMap<Directory, Map<string, OrgPerson[]>>();
const subtreeCache = new WeakMap<Directory, Map<string, OrgPerson[]>>();

/** Every person of a team and of the teams it includes (each once), or undefined for an unknown team. */
function teamPeople(dir: Directory, handle: string): OrgPerson[] | undefined {
  if (!dir.teams.has(handle)) return undefined;
  let cache = teamCache.get(dir);
  if (!cache) teamCache.set(dir, (cache = new Map()));
  const known = cache.get(handle);
  if (known) return known;
  const seenTeams = new Set<string>();
  const seenPeople = new Set<OrgPerson>();
  const out: OrgPerson[] = [];
  const stack = [handle];
  while (stack.length) {
    const t = dir.teams.get(stack.pop() as string);
    if (!t || seenTeams.has(t.handle)) continue; // cycles are reported when the directory is built
    seenTeams.add(t.handle);
    for (const p of dir.members.get(t.handle) ?? []) {
      if (seenPeople.has(p)) continue;
      seenPeople.add(p);
      out.push(p);
    }
    for (const sub of t.teams) stack.push(sub);
  }
  cache.set(handle, out);
  return out;
}

/** The people of a department, and with `subtree` of every department below it. */
function departmentPeople(dir: Directory, handle: string, subtree: boolean): OrgPerson[] | undefined {
  if (!dir.departments.has(handle)) return undefined;
  if (!subtree) return dir.peopleIn.get(handle) ?? [];
  let cache = subtreeCache.get(dir);
  if (!cache) subtreeCache.set(dir, (cache = new Map()));
  const known = cache.get(handle);
  if (known) return known;
  const out: OrgPerson[] = [];
  const seen = new Set<string>();
  const stack = [handle];
  while (stack.length) {
    const d = stack.pop() as string;
    if (seen.has(d)) continue;
    seen.add(d);
    for (const p of dir.peopleIn.get(d) ?? []) out.push(p);
    for (const c of dir.children.get(d) ?? []) stack.push(c);
  }
  cache.set(handle, out);
  return out;
}

/** ` (did you mean "x"?)` for the closest known handle, when one is close. */
export function suggest(word: string, known: Iterable<string>): string {
  let best: string | undefined;
  // Close means at most one edit in four characters (a transposed pair counts as two).
  let bestDistance = Math.max(1, Math.floor(word.length / 4)) + 1;
  for (const k of known) {
    if (Math.abs(k.length - word.length) >= bestDistance) continue;
    const d = editDistance(word, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best === undefined ? "" : ` (did you mean "${best}"?)`;
}

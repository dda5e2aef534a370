import type { Directory } from "../manifest/org/directory.js";
import type { OrgPerson, PersonLabel } from "../model/org.js";
import type { Action } from "../model/plan.js";

/**
 * Who each account id that a change adds, removes or sets is, per target: the Person's handle
 * and name from the org directory. Only ids that appear in the plan's changes are listed, in
 * the order they first appear; an id two people have is the first one's.
 */
export function peopleInChanges(dir: Directory, actions: readonly Action[]): Record<string, Record<string, PersonLabel>> {
  const named = namedIds(actions);
  if (!named.order.length) return {};
  // One pass over the people finds the holders of the few ids the changes name.
  for (const p of dir.people.values()) {
    for (const target in p.accounts) {
      const holders = named.byTarget.get(target);
      const id = p.accounts[target] as string;
      if (holders?.has(id) && holders.get(id) === undefined) holders.set(id, p);
    }
  }
  const out: Record<string, Record<string, PersonLabel>> = {};
  for (const [target, id] of named.order) {
    const person = named.byTarget.get(target)?.get(id);
    if (!person) continue;
    const label: PersonLabel = { handle: person.handle };
    if (person.name !== undefined) label.name = person.name;
    (out[target] ??= {})[id] = label;
  }
  return out;
}

/** The ids the changes name: per target, each id with its holder (none yet), and every (target, id) in first-seen order. */
function namedIds(actions: readonly Action[]): { byTarget: Map<string, Map<string, OrgPerson | undefined>>; order: [string, string][] } {
  const byTarget = new Map<string, Map<string, OrgPerson | undefined>>();
  const order: [string, string][] = [];
  for (const a of actions) {
    let ids = byTarget.get(a.target);
    if (!ids) byTarget.set(a.target, (ids = new Map()));
    const seen = ids;
    const note = (id: unknown) => {
      if (typeof id !== "string" || seen.has(id)) return;
      seen.set(id, undefined);
      order.push([a.target, id]);
    };
    note(a.key);
    for (const c of a.changes) {
      for (const id of c.add ?? []) note(id);
      for (const id of c.remove ?? []) note(id);
      note(c.before);
      note(c.after);
      for (const v of [c.before, c.after]) if (Array.isArray(v)) v.forEach(note);
    }
  }
  return { byTarget, order };
}

import type { Directory } from "../manifest/org/directory.js";
import type { OrgPerson, PersonLabel } from "../model/org.js";
import type { Action } from "../model/plan.js";

/**
 * Who each account id that a change adds, removes or sets is, per target: the Person's handle
 * and name from the org directory. Only ids that appear in the plan's changes are listed, in
 * the order they first appear; an id two people have is the first one's.
 */
export function peopleInChanges(dir: Directory, actions: readonly Action[]): Record<string, Record<string, PersonLabel>> {
  const named = new NamedIds();
  for (const a of actions) {
    named.note(a.target, a.key);
    for (const c of a.changes) {
      for (const id of c.add ?? []) named.note(a.target, id);
      for (const id of c.remove ?? []) named.note(a.target, id);
      named.note(a.target, c.before);
      named.note(a.target, c.after);
      for (const v of [c.before, c.after]) if (Array.isArray(v)) for (const id of v) named.note(a.target, id);
    }
  }
  if (!named.targets.length) return {};
  // One pass over the people per target the changes are on finds the holders of the ids they name.
  for (const [target, holders] of named.byTarget) {
    for (const p of dir.people.values()) {
      const id = p.accounts[target];
      if (id !== undefined && holders.has(id) && holders.get(id) === undefined) holders.set(id, p);
    }
  }
  const out: Record<string, Record<string, PersonLabel>> = {};
  for (let i = 0; i < named.targets.length; i++) {
    const target = named.targets[i] as string;
    const id = named.ids[i] as string;
    const person = named.byTarget.get(target)?.get(id);
    if (!person) continue;
    const label: PersonLabel = { handle: person.handle };
    if (person.name !== undefined) label.name = person.name;
    (out[target] ??= {})[id] = label;
  }
  return out;
}

/** The ids the changes name: per target, each id with its holder (none yet), and every (target, id) in first-seen order. */
class NamedIds {
  readonly byTarget = new Map<string, Map<string, OrgPerson | undefined>>();
  readonly targets: string[] = [];
  readonly ids: string[] = [];

  note(target: string, id: unknown): void {
    if (typeof id !== "string") return;
    let ids = this.byTarget.get(target);
    if (!ids) this.byTarget.set(target, (ids = new Map()));
    if (ids.has(id)) return;
    ids.set(id, undefined);
    this.targets.push(target);
    this.ids.push(id);
  }
}

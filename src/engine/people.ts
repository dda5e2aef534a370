import type { Directory } from "../manifest/org/directory.js";
import type { PersonLabel } from "../model/org.js";
import type { Action } from "../model/plan.js";

/**
 * Who each account id that a change adds, removes or sets is, per target: the Person's handle
 * and name from the org directory. Only ids that appear in the plan's changes are listed.
 */
export function peopleInChanges(dir: Directory, actions: readonly Action[]): Record<string, Record<string, PersonLabel>> {
  const out: Record<string, Record<string, PersonLabel>> = {};
  for (const a of actions) {
    const accounts = dir.byAccount.get(a.target);
    if (!accounts) continue;
    const note = (id: unknown) => {
      if (typeof id !== "string") return;
      const person = accounts.get(id);
      if (!person) return;
      const label: PersonLabel = { handle: person.handle };
      if (person.name !== undefined) label.name = person.name;
      (out[a.target] ??= {})[id] = label;
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
  return out;
}

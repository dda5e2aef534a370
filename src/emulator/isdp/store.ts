import type { IsdpPerson, IsdpSection } from "./state.js";

export interface PersonStore {
  state(): IsdpSection;
  /** The person stored under exactly this code. */
  find(code: string): IsdpPerson | undefined;
  /** Store a new person, or replace the record under the same code (a deregistered one). */
  put(person: IsdpPerson): void;
  nextId(): number;
  stamp(): string;
}

/** Persons by stored code over one state section, re-indexed when the state is replaced. */
export function personStore(getState: () => IsdpSection, now: () => number): PersonStore {
  let index: { persons: IsdpPerson[]; byCode: Map<string, IsdpPerson>; maxId: number } | undefined;
  const indexed = () => {
    const persons = getState().persons;
    if (index?.persons !== persons) {
      const byCode = new Map(persons.map((p) => [p.personCode, p]));
      const maxId = persons.reduce((m, p) => Math.max(m, p.personId ?? 0), 5000000);
      index = { persons, byCode, maxId };
    }
    return index;
  };
  return {
    state: getState,
    find: (code) => indexed().byCode.get(code),
    put(person) {
      const { persons, byCode } = indexed();
      const existing = byCode.get(person.personCode);
      if (existing) persons[persons.indexOf(existing)] = person;
      else persons.push(person);
      byCode.set(person.personCode, person);
    },
    nextId: () => ++indexed().maxId,
    stamp: () => new Date(now()).toISOString(),
  };
}

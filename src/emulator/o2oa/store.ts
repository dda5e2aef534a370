import { normalize, uuidGenerator, type O2oaSection, type StoredUnit } from "./state.js";

/** The tenant's units, in creation order, with the lookups the platform offers. */
export class UnitStore {
  units: StoredUnit[] = [];
  readonly newId = uuidGenerator("o2oa");
  private lastOrder = 0;

  load(section: O2oaSection): void {
    this.taken = undefined;
    this.units = normalize(section, () => this.freshId(), () => this.nextOrderNumber());
    this.taken = undefined;
  }

  /** A unit by id, unique or distinguished name (the platform's "flag"). */
  pick(flag: string): StoredUnit | undefined {
    if (!flag) return undefined;
    return this.units.find((u) => u.unique === flag) ?? this.units.find((u) => u.id === flag) ?? this.units.find((u) => u.distinguishedName === flag);
  }

  byUnique(unique: string): StoredUnit | undefined {
    return this.units.find((u) => u.unique === unique);
  }

  children(unit: StoredUnit): StoredUnit[] {
    return this.units.filter((u) => u.superior === unit.unique);
  }

  /** A unit with this name under this superior (by unique, "" at the top), other than `except`. */
  sibling(superior: string, name: string, except?: StoredUnit): StoredUnit | undefined {
    return this.units.find((u) => u !== except && u.superior === superior && u.name === name);
  }

  /** Whether `candidate` is `unit` itself or lies below it. */
  isWithin(candidate: StoredUnit, unit: StoredUnit): boolean {
    for (let cur: StoredUnit | undefined = candidate; cur; cur = cur.superior ? this.byUnique(cur.superior) : undefined) {
      if (cur === unit) return true;
    }
    return false;
  }

  /** `/`-joined names from the top down to the unit (the platform's levelName). */
  levelName(unit: StoredUnit): string {
    const names: string[] = [];
    const seen = new Set<StoredUnit>();
    for (let cur: StoredUnit | undefined = unit; cur && !seen.has(cur); cur = cur.superior ? this.byUnique(cur.superior) : undefined) {
      seen.add(cur);
      names.unshift(cur.name);
    }
    return names.join("/");
  }

  /** The platform numbers unordered objects by time; later ones sort last. */
  nextOrderNumber(): number {
    this.lastOrder = Math.max(this.lastOrder + 1, Math.floor(Date.now() / 1000) % 2_000_000_000);
    return this.lastOrder;
  }

  freshId(): string {
    // Every id handed out or seeded, gathered once: ids are never reused, even after a delete.
    const taken = (this.taken ??= new Set(this.units.flatMap((u) => [u.id, ...u.attributes.map((a) => a.id), ...u.duties.map((d) => d.id)])));
    let id = this.newId();
    while (taken.has(id)) id = this.newId();
    taken.add(id);
    return id;
  }

  private taken: Set<string> | undefined;
}

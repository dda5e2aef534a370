/** A capability is either supported, or not, with the reason a user will read. */
export type Capability = true | { cannot: string };

export function can(capability: Capability | undefined): boolean {
  return capability === true;
}

export function reasonOf(capability: Capability | undefined): string {
  return capability === undefined || capability === true ? "" : capability.cannot;
}

export interface FieldSpec {
  /** `scalar` values are compared whole; `set` lists are diffed into add/remove. */
  type: "scalar" | "set";
  /** The field holds the key of another resource of this kind (same target). */
  ref?: string;
}

/** What the planner needs to know about a kind: its fields and which operations exist. */
export interface KindModel {
  kind: string;
  /** The item field that holds the key, for messages and `import`. */
  keyField: string;
  fields: Record<string, FieldSpec>;
  create: Capability;
  delete: Capability;
}

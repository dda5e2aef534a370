import type { Plan } from "../model/plan.js";

/**
 * The plan file format (schemas/plan.schema.json), as pieces of text in order. Large lists
 * (actions, and the people named in them) hold one compact entry per line, so a plan of a
 * million lines is never one string and stays about half the size of fully indented JSON.
 */
export function* jsonPieces(plan: Plan): Generator<string> {
  const keys = Object.keys(plan) as (keyof Plan)[];
  yield "{";
  let first = true;
  for (const key of keys) {
    const value = plan[key];
    if (value === undefined) continue;
    yield `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key === "actions") yield* listLines(plan.actions);
    else if (key === "people" && plan.people) yield* peopleLines(plan.people);
    else yield JSON.stringify(value, null, 2).replaceAll("\n", "\n  ");
  }
  yield "\n}\n";
}

function* listLines(list: readonly unknown[]): Generator<string> {
  if (!list.length) {
    yield "[]";
    return;
  }
  yield "[";
  for (let i = 0; i < list.length; i++) yield `${i ? "," : ""}\n    ${JSON.stringify(list[i])}`;
  yield "\n  ]";
}

function* peopleLines(people: Record<string, Record<string, unknown>>): Generator<string> {
  const targets = Object.keys(people);
  if (!targets.length) {
    yield "{}";
    return;
  }
  yield "{";
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as string;
    const ids = Object.keys(people[target] ?? {});
    yield `${i ? "," : ""}\n    ${JSON.stringify(target)}: {`;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as string;
      yield `${j ? "," : ""}\n      ${JSON.stringify(id)}: ${JSON.stringify(people[target]?.[id])}`;
    }
    yield ids.length ? "\n    }" : "}";
  }
  yield "\n  }";
}

/** Pieces joined into chunks of about `size` characters, for writing in few calls. */
export function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** The whole plan file as one string (small plans, tests). */
export function renderJson(plan: Plan): string {
  let out = "";
  for (const piece of jsonPieces(plan)) out += piece;
  return out;
}

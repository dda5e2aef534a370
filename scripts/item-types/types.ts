import { isObject, type Schema } from "./refs.js";

/** The type of a node nothing satisfies (and of org-model syntax, which is left out). */
export const NEVER = "never";
/** The type of a node that does not constrain its value's type. */
export const UNKNOWN = "unknown";

/** Where a node is read: its schema file, and how a `$ref` written in a file becomes a type. */
export interface Scope {
  file: string;
  ref(ref: string, from: string): string;
}

/** One property of an object type. */
export interface Member {
  name: string;
  type: string;
  optional: boolean;
  description?: string;
}

/**
 * The TypeScript type of a schema node. Only `type`, `const`, `enum`, `$ref` and the
 * combinators say what a value is; a node without them (a branch that only lists `required`
 * properties) is `unknown`, which a union absorbs and an intersection drops.
 */
export function typeOf(s: Schema, scope: Scope): string {
  if (s === true) return UNKNOWN;
  if (s === false) return NEVER;
  if (typeof s["$ref"] === "string") return scope.ref(s["$ref"], scope.file);
  if ("const" in s) return literal(s["const"]);
  if (Array.isArray(s["enum"])) return union(s["enum"].map(literal));
  const parts: string[] = [];
  const types = Array.isArray(s["type"]) ? s["type"] : s["type"] === undefined ? [] : [s["type"]];
  if (types.length) parts.push(union(types.map((t) => typeNamed(t, s, scope))));
  for (const combinator of ["oneOf", "anyOf"]) {
    const branches = s[combinator];
    if (Array.isArray(branches)) parts.push(union(branches.map((b) => typeOf(schema(b), scope))));
  }
  const all = s["allOf"];
  if (Array.isArray(all)) parts.push(...all.map((b) => typeOf(schema(b), scope)));
  return intersection(parts);
}

/**
 * The properties of an object node (in the schema's order, without `omit` and without those
 * whose type is `never`) and the type of its other keys, from `additionalProperties` and
 * `patternProperties`, when it allows others.
 */
export function objectMembers(s: Schema, scope: Scope, omit: ReadonlySet<string>): { members: Member[]; index?: string } {
  if (typeof s === "boolean") return { members: [], index: typeOf(s, scope) };
  const required = new Set(Array.isArray(s["required"]) ? s["required"] : []);
  const properties = isObject(s["properties"]) ? s["properties"] : {};
  const members: Member[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (omit.has(name)) continue;
    const node = schema(value);
    const type = typeOf(node, scope);
    if (type === NEVER) continue;
    const member: Member = { name, type, optional: !required.has(name) };
    if (typeof node !== "boolean" && typeof node["description"] === "string") member.description = node["description"];
    members.push(member);
  }
  const additional = s["additionalProperties"];
  const others = additional === false ? [] : [additional === undefined ? UNKNOWN : typeOf(schema(additional), scope)];
  const patterns = s["patternProperties"];
  if (isObject(patterns)) others.push(...Object.values(patterns).map((p) => typeOf(schema(p), scope)));
  if (!others.length) return { members };
  // An index signature must admit every property's type too.
  const optional = members.some((m) => m.optional) ? ["undefined"] : [];
  return { members, index: union([...others, ...(members.length ? [...members.map((m) => m.type), ...optional] : [])]) };
}

/** A property name as TypeScript writes it: quoted unless it is an identifier. */
export function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

export function union(types: string[]): string {
  if (types.includes(UNKNOWN)) return UNKNOWN;
  const kept = [...new Set(types.filter((t) => t !== NEVER))];
  return kept.length ? kept.join(" | ") : NEVER;
}

function intersection(types: string[]): string {
  if (types.includes(NEVER)) return NEVER;
  const kept = [...new Set(types.filter((t) => t !== UNKNOWN))];
  if (!kept.length) return UNKNOWN;
  return kept.length === 1 ? (kept[0] as string) : kept.map((t) => (topLevel(t, "|") ? `(${t})` : t)).join(" & ");
}

function typeNamed(name: unknown, s: { [keyword: string]: unknown }, scope: Scope): string {
  switch (name) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return arrayType(s, scope);
    case "object":
      return inlineObject(s, scope);
    default:
      throw new Error(`${scope.file}: unknown type ${JSON.stringify(name)}`);
  }
}

function arrayType(s: { [keyword: string]: unknown }, scope: Scope): string {
  const items = s["items"];
  if (Array.isArray(items)) {
    const rest = s["additionalItems"] === false ? [] : [`...${UNKNOWN}[]`];
    return `[${[...items.map((i) => typeOf(schema(i), scope)), ...rest].join(", ")}]`;
  }
  const element = items === undefined ? UNKNOWN : typeOf(schema(items), scope);
  return topLevel(element, "|") || topLevel(element, "&") ? `(${element})[]` : `${element}[]`;
}

/** An object type on one line, for objects that are not named types. */
function inlineObject(s: { [keyword: string]: unknown }, scope: Scope): string {
  const { members, index } = objectMembers(s, scope, new Set());
  if (!members.length) return `Record<string, ${index ?? NEVER}>`;
  const fields = members.map((m) => `${propertyName(m.name)}${m.optional ? "?" : ""}: ${m.type}`);
  if (index !== undefined) fields.push(`[key: string]: ${index}`);
  return `{ ${fields.join("; ")} }`;
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

/** Whether `operator` occurs in `type` outside brackets and string literals. */
function topLevel(type: string, operator: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "{" || c === "[" || c === "(" || c === "<") depth++;
    else if (c === "}" || c === "]" || c === ")" || c === ">") depth--;
    else if (c === operator && depth === 0) return true;
  }
  return false;
}

function schema(value: unknown): Schema {
  if (typeof value === "boolean" || isObject(value)) return value;
  throw new Error(`not a schema: ${JSON.stringify(value)}`);
}

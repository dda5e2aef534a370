import { readFileSync } from "node:fs";
import { join, posix } from "node:path";

/** A JSON Schema node: `true` and `false` accept anything and nothing. */
export type Schema = boolean | { [keyword: string]: unknown };

/** Reads a schema file by its path under `schemas/` (`kinds/o2oa.Unit.schema.json`). */
export type SchemaReader = (file: string) => Schema;

/** Where a `$ref` points: a schema file under `schemas/` and a JSON pointer inside it. */
export interface RefTarget {
  file: string;
  pointer: string;
}

/** A reader of the schema files under `<root>/schemas`, each parsed once. */
export function schemaReader(root: string): SchemaReader {
  const cache = new Map<string, Schema>();
  return (file) => {
    let schema = cache.get(file);
    if (schema === undefined) {
      schema = JSON.parse(readFileSync(join(root, "schemas", file), "utf8")) as Schema;
      cache.set(file, schema);
    }
    return schema;
  };
}

/** The target of a relative `$ref` written in `from` (`../common.schema.json#/$defs/absent`). */
export function refTarget(ref: string, from: string): RefTarget {
  if (ref.includes("://")) throw new Error(`${from}: $ref "${ref}" is absolute; the kind schemas refer to each other by relative paths`);
  const hash = ref.indexOf("#");
  const path = hash < 0 ? ref : ref.slice(0, hash);
  return { file: path === "" ? from : posix.join(posix.dirname(from), path), pointer: hash < 0 ? "" : ref.slice(hash + 1) };
}

/** The node a target names. */
export function schemaAt(read: SchemaReader, target: RefTarget): Schema {
  let node: unknown = read(target.file);
  for (const segment of target.pointer.split("/").slice(1)) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`${target.file}: nothing at #${target.pointer}`);
  }
  if (typeof node !== "boolean" && !isObject(node)) throw new Error(`${target.file}#${target.pointer} is not a schema`);
  return node;
}

export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { drivers } from "../drivers/registry.js";
import { SCHEMA_DIR } from "../manifest/schemas.js";

/** Where the published schemas live; every schema's `$id` is this plus its path under `schemas/`. */
export const SCHEMA_BASE_URL = "https://raw.githubusercontent.com/orgform/orgform/main/schemas/";

/** The schema for any orgform manifest document (Target or any kind), written next to the others. */
export const ANY_DOCUMENT_SCHEMA = "orgform.schema.json";

type Schema = Record<string, unknown>;

/**
 * The `$schema` location an imported manifest written into `outDir` names for a schema file
 * (e.g. `kinds/isdp.Person.schema.json`): a relative path into `schemaDir` (the folder
 * `orgform schema --out` wrote) when given, else the schema's stable URL. Never a path into
 * the installed package, which differs per machine.
 */
export function schemaLocation(schemaFile: string, outDir: string, schemaDir?: string): string {
  if (schemaDir === undefined) return `${SCHEMA_BASE_URL}${schemaFile}`;
  const path = relative(outDir, join(schemaDir, schemaFile)).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Every JSON Schema an editor needs, by path: the package's manifest schemas, the Target
 * schema with each driver's credential fields (secrets only as `${VAR}`), and one schema that
 * accepts any orgform document by its `kind`.
 */
export function editorSchemas(): Map<string, Schema> {
  const out = new Map<string, Schema>();
  for (const file of walk(SCHEMA_DIR)) {
    const path = relative(SCHEMA_DIR, file).split(sep).join("/");
    if (path.startsWith("emulator")) continue;
    out.set(path, JSON.parse(readFileSync(file, "utf8")) as Schema);
  }
  const target = out.get("target.schema.json");
  if (target) out.set("target.schema.json", withCredentialRules(target));
  const documentSchemas = [...out.keys()].filter((p) => p.startsWith("kinds/") || (p.startsWith("org/") && !p.endsWith("selector.schema.json")));
  out.set(ANY_DOCUMENT_SCHEMA, anyDocument(documentSchemas));
  return out;
}

/** `${NAME}` as the whole value, the only form a secret may take. */
const VARIABLE_REFERENCE = "^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$";

function withCredentialRules(target: Schema): Schema {
  const rules = drivers.map((d) => ({
    if: { properties: { driver: { const: d.name } }, required: ["driver"] },
    then: {
      properties: {
        credentials: {
          type: "object",
          additionalProperties: false,
          properties: Object.fromEntries(
            d.credentials.fields.map((f) => [
              f,
              d.credentials.secrets.includes(f)
                ? { type: "string", pattern: VARIABLE_REFERENCE, description: "A secret: only as a ${VAR} reference to an environment variable." }
                : { type: "string" },
            ]),
          ),
          anyOf: d.credentials.required.map((set) => ({ properties: Object.fromEntries(set.map((f) => [f, { type: "string" }])), required: set })),
        },
      },
    },
  }));
  return { ...target, allOf: [...((target["allOf"] as unknown[] | undefined) ?? []), ...rules] };
}

function anyDocument(kindSchemas: string[]): Schema {
  const byKind: [string, string][] = [["Target", "target.schema.json"], ...kindSchemas.map((p): [string, string] => [p.slice(p.indexOf("/") + 1, -".schema.json".length), p])];
  return {
    $id: `${SCHEMA_BASE_URL}${ANY_DOCUMENT_SCHEMA}`,
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Any orgform document",
    description: "A Target or a document of any kind orgform knows, chosen by its `kind`; for files that hold several documents.",
    type: "object",
    required: ["kind"],
    properties: { kind: { enum: byKind.map(([k]) => k) } },
    allOf: byKind.map(([kind, path]) => ({ if: { properties: { kind: { const: kind } }, required: ["kind"] }, then: { $ref: path } })),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".schema.json") ? [join(dir, e.name)] : []))
    .sort();
}

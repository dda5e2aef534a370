import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import formatsPlugin from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;

/** The `schemas/` folder of the package. */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

let shared: Ajv | undefined;

/**
 * One ajv instance holding every schema under `schemas/`, keyed by its path there. Verbose
 * errors carry the failing value and schema, from which "did you mean" suggestions are made.
 */
export function schemaRegistry(): Ajv {
  if (shared) return shared;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  for (const file of walk(SCHEMA_DIR)) {
    const key = relative(SCHEMA_DIR, file).split(sep).join("/");
    ajv.addSchema(JSON.parse(readFileSync(file, "utf8")) as object, key);
  }
  shared = ajv;
  return ajv;
}

/** The validator for a schema file under `schemas/`, e.g. `kinds/dingtalk.PunchGroup.schema.json`. */
export function validatorFor(schemaFile: string): ValidateFunction {
  const fn = schemaRegistry().getSchema(schemaFile);
  if (!fn) throw new Error(`no schema ${schemaFile} under ${SCHEMA_DIR}`);
  return fn;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".schema.json") ? [join(dir, e.name)] : []))
    .sort();
}

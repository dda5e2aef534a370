import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { Ajv, type Options, type ValidateFunction } from "ajv";
import formatsPlugin from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;

/** The `schemas/` folder of the package. */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

let shared: Ajv | undefined;

/** How every schema is compiled, at build time (scripts/compile-schemas.mjs) or here. */
const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;

/** Every schema under `schemas/`, keyed by its path there (`kinds/isdp.Person.schema.json`). */
export function schemaFiles(): { key: string; schema: object }[] {
  return walk(SCHEMA_DIR).map((file) => ({ key: relative(SCHEMA_DIR, file).split(sep).join("/"), schema: JSON.parse(readFileSync(file, "utf8")) as object }));
}

/**
 * One ajv instance holding every schema under `schemas/`, keyed by its path there. Verbose
 * errors carry the failing value and schema, from which "did you mean" suggestions are made.
 */
export function schemaRegistry(options: Partial<Options> = {}): Ajv {
  if (shared && !Object.keys(options).length) return shared;
  const ajv = new Ajv({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  for (const { key, schema } of schemaFiles()) ajv.addSchema(schema, key);
  if (!Object.keys(options).length) shared = ajv;
  return ajv;
}

/**
 * The validators the build compiled (dist/manifest/schemas.compiled.cjs), by schema file:
 * compiling them here costs a command about a tenth of a second. Absent when running from the
 * sources; then each schema is compiled on first use.
 */
let compiled: Readonly<Record<string, ValidateFunction>> | null | undefined;

function compiledValidators(): Readonly<Record<string, ValidateFunction>> | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = (createRequire(import.meta.url)("./schemas.compiled.cjs") as { SCHEMAS: Record<string, ValidateFunction> }).SCHEMAS;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The validator for a schema file under `schemas/`, e.g. `kinds/dingtalk.PunchGroup.schema.json`. */
export function validatorFor(schemaFile: string): ValidateFunction {
  const prebuilt = compiledValidators()?.[schemaFile];
  if (prebuilt) return prebuilt;
  const fn = schemaRegistry().getSchema(schemaFile);
  if (!fn) throw new Error(`no schema ${schemaFile} under ${SCHEMA_DIR}`);
  return fn;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".schema.json") ? [join(dir, e.name)] : []))
    .sort();
}

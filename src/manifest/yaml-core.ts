import jsyaml from "js-yaml";

/**
 * The YAML 1.2 core schema for js-yaml, resolving plain scalars exactly as the `yaml` package
 * (the position-keeping parser) does. js-yaml's own CORE_SCHEMA also reads `0b101` as 5 and
 * `+0x1F` as 31, and reads `-.5e+3` as a string: here both parsers give every value one meaning.
 * The block-style parser (yaml-block.ts) resolves its plain scalars with `plainScalar`, the
 * same rules in the same order.
 */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const isFloat = (s: string): boolean => FLOAT.test(s) && !INT.test(s);
const toBool = (s: string): boolean => s.toLowerCase() === "true";
const toInt = (s: string): number => (s.startsWith("0o") ? parseInt(s.slice(2), 8) : s.startsWith("0x") ? parseInt(s.slice(2), 16) : Number(s));
function toFloat(s: string): number {
  const lower = s.toLowerCase();
  if (lower.endsWith(".nan")) return NaN;
  if (lower.endsWith(".inf")) return s.startsWith("-") ? -Infinity : Infinity;
  return Number(s);
}

/**
 * First characters a null, boolean or number can start with (`~`, `n N t T f F`, digits, sign,
 * dot); a plain scalar starting with any other character is a string without a regex run.
 */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of "~nNtTfF0123456789+-.") MAY_RESOLVE[c.charCodeAt(0)] = 1;

/** The value of a plain (unquoted) scalar under the core schema: null, boolean, number or the text. */
export function plainScalar(s: string): unknown {
  const first = s.charCodeAt(0);
  if (s.length && (first >= 128 || !MAY_RESOLVE[first])) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return toBool(s);
  if (INT.test(s)) return toInt(s);
  if (isFloat(s)) return toFloat(s);
  return s;
}

const nullType = new jsyaml.Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (s: string) => NULL.test(s),
  construct: () => null,
  predicate: (v: unknown) => v === null,
  represent: () => "null",
});

const boolType = new jsyaml.Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (s: string) => BOOL.test(s),
  construct: toBool,
  predicate: (v: unknown) => typeof v === "boolean",
  represent: (v: object) => String(v),
});

const intType = new jsyaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (s: string) => INT.test(s),
  construct: toInt,
  predicate: (v: unknown) => typeof v === "number" && Number.isInteger(v),
  represent: (v: object) => String(v),
});

const floatType = new jsyaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: isFloat,
  construct: toFloat,
  predicate: (v: unknown) => typeof v === "number",
  represent: (v: object) => String(v),
});

export const YAML_CORE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../model/plan.js";
import { didYouMean } from "./suggest.js";
import type { ParsedDocument, PathSegment } from "./yaml.js";

/** Turn ajv errors into diagnostics with `file:line:column` and a readable path. */
export function schemaDiagnostics(doc: ParsedDocument, errors: ErrorObject[], base: PathSegment[] = []): Diagnostic[] {
  const relevant = dropUnionNoise(errors);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of relevant) {
    const path = [...base, ...pointerToPath(e.instancePath)];
    let message = e.message ?? "is invalid";
    let at = doc.positionOf(path);
    let shown = path;
    if (e.keyword === "additionalProperties") {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      shown = [...path, name];
      at = doc.positionOf(shown, true);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      message = `is not a known field${didYouMean(name, known)}`;
    } else if (e.keyword === "required") {
      shown = [...path, String((e.params as { missingProperty: string }).missingProperty)];
      message = "is required";
    } else if (e.keyword === "enum") {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const hint = typeof e.data === "string" ? didYouMean(e.data, allowed.filter((v): v is string => typeof v === "string")) : "";
      message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}${hint}`;
    } else if (e.keyword === "const") {
      message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    } else if (e.keyword === "type" && (e as UnionError).union) {
      message = `must be ${(e as UnionError).union}`;
    }
    const text = `${formatPath(shown)}: ${message}`;
    if (seen.has(`${at.line}:${at.column}:${text}`)) continue;
    seen.add(`${at.line}:${at.column}:${text}`);
    out.push({ source: at, path: formatPath(shown), message });
  }
  return out;
}

interface UnionError extends ErrorObject {
  union?: string;
}

/**
 * For `oneOf`/`anyOf`, ajv reports every branch. When some branch got past the type check
 * (its errors are not about the type), keep those errors: they say what is wrong with the
 * value. Otherwise fold the branches' type errors into one "must be A or B".
 */
function dropUnionNoise(errors: ErrorObject[]): UnionError[] {
  const unions = new Set(errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath));
  if (!unions.size) return errors;
  const isNoise = (e: ErrorObject) => e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "type";
  const under = (e: ErrorObject, p: string) => e.instancePath === p || e.instancePath.startsWith(`${p}/`);
  const out: UnionError[] = [];
  for (const p of unions) {
    if (errors.some((e) => under(e, p) && !isNoise(e))) continue;
    const types = errors.filter((e) => e.instancePath === p && e.keyword === "type");
    const first = types[0] ?? errors.find((e) => e.instancePath === p);
    if (first) out.push({ ...first, union: [...new Set(types.map((e) => String((e.params as { type: string }).type)))].join(" or ") || undefined });
  }
  for (const e of errors) {
    const union = [...unions].find((p) => under(e, p));
    if (union === undefined || !isNoise(e) || (e.instancePath !== union && e.keyword !== "type")) out.push(e);
  }
  return out;
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `["items", 1, "type"]` → `items[1].type` */
export function formatPath(path: PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || "(document)";
}

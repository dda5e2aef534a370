import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { ValidateFunction } from "ajv";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { schemaFiles, schemaRegistry } from "../../src/manifest/schemas.js";
import { ROOT } from "../helpers/orgform.js";

// The build compiles every schema into one module (scripts/compile-schemas.mjs); the sources
// compile them at run time. Both must accept and refuse the same values with the same errors.
const built = createRequire(import.meta.url)(join(ROOT, "dist/manifest/schemas.compiled.cjs")) as { SCHEMAS: Record<string, ValidateFunction> };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : []));
}

/** Every document of the examples and of the bad-input corpus, and each one broken three ways. */
function samples(): unknown[] {
  const docs: unknown[] = [];
  for (const file of [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test/fixtures"))]) {
    try {
      jsyaml.loadAll(readFileSync(file, "utf8"), (d) => docs.push(d));
    } catch {
      // Not YAML at all: the corpus holds such files on purpose.
    }
  }
  const broken = docs.flatMap((d) => {
    if (!d || typeof d !== "object" || Array.isArray(d)) return [];
    const [first] = Object.keys(d);
    const items = (d as { items?: unknown[] }).items;
    const item = Array.isArray(items) && items[0] && typeof items[0] === "object" ? (items[0] as Record<string, unknown>) : {};
    const [field] = Object.keys(item);
    return [
      { ...d, unknownField: 1 },
      first === undefined ? d : { ...d, [first]: [] },
      { ...d, items: [{ ...item, [field ?? "x"]: { nested: true } }, "text", 7] },
    ];
  });
  return [...docs, ...broken];
}

describe("schemas compiled by the build", () => {
  it("cover every schema under schemas/", () => {
    expect(Object.keys(built.SCHEMAS).sort()).toEqual(schemaFiles().map((f) => f.key).sort());
  });

  it("accept and refuse what the run-time compile does, with the same errors", () => {
    const registry = schemaRegistry();
    const values = samples();
    let refused = 0;
    const differ: unknown[] = [];
    for (const { key } of schemaFiles()) {
      const runtime = registry.getSchema(key) as ValidateFunction;
      const compiled = built.SCHEMAS[key] as ValidateFunction;
      for (const value of values) {
        const ok = runtime(value);
        if (!ok) refused++;
        if (compiled(value) !== ok || !isDeepStrictEqual(compiled.errors ?? null, runtime.errors ?? null)) differ.push({ key, value });
      }
    }
    expect(differ.slice(0, 2)).toEqual([]);
    // The samples must reach both answers, or the comparison proves little.
    expect(refused).toBeGreaterThan(1000);
    expect(refused).toBeLessThan(values.length * schemaFiles().length);
  });
});

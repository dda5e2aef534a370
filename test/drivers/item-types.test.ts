import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATE_COMMAND, ORG_SYNTAX } from "../../scripts/item-types/item-file.js";
import { itemFilesInTree, itemTypeFiles } from "../../scripts/item-types/files.js";
import { isObject, refTarget, schemaAt, schemaReader, type SchemaReader } from "../../scripts/item-types/refs.js";
import { drivers } from "../../src/drivers/registry.js";
import { peopleListPath } from "../../src/model/org.js";
import { ROOT } from "../helpers/orgform.js";

const generated = itemTypeFiles(ROOT);

describe("generated item types", () => {
  it.each(generated.map((f) => [f.path, f] as const))("%s is what its kind schema gives", (path, file) => {
    const committed = existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), "utf8") : undefined;

    expect(committed, `${path} is not what schemas/${file.schema} gives: run \`${GENERATE_COMMAND}\``).toBe(file.text);
  });

  it("exist only for kind schemas that exist", () => {
    expect(itemFilesInTree(ROOT)).toEqual(generated.map((f) => f.path).sort());
  });

  it.each(drivers.flatMap((d) => d.kinds).map((k) => [k.kind, k] as const))("%s: the fields left out as org syntax are the ones its org spec resolves", (_kind, spec) => {
    const org = spec.org;
    const resolved = [...(org?.peopleLists ?? []).map((p) => peopleListPath(p).field), ...(org?.personFields ?? []), ...(org?.binding ? [org.binding.by] : [])];

    expect(orgSyntaxFields(spec.schema, schemaReader(ROOT))).toEqual([...new Set(resolved)].sort());
  });
});

/** The item fields whose schema reaches a `$ref` into the org selector schema. */
function orgSyntaxFields(schemaFile: string, read: SchemaReader): string[] {
  const item = schemaAt(read, refTarget("#/properties/items/items", schemaFile));
  const node = isObject(item) && typeof item["$ref"] === "string" ? schemaAt(read, refTarget(item["$ref"], schemaFile)) : item;
  const properties = isObject(node) && isObject(node["properties"]) ? node["properties"] : {};
  return Object.entries(properties)
    .filter(([, p]) => reachesOrgSyntax(p, schemaFile, read, new Set()))
    .map(([name]) => name)
    .sort();
}

function reachesOrgSyntax(node: unknown, file: string, read: SchemaReader, seen: Set<string>): boolean {
  if (Array.isArray(node)) return node.some((n) => reachesOrgSyntax(n, file, read, seen));
  if (!isObject(node)) return false;
  const ref = node["$ref"];
  if (typeof ref !== "string") return Object.values(node).some((v) => reachesOrgSyntax(v, file, read, seen));
  const target = refTarget(ref, file);
  if (target.file === ORG_SYNTAX) return true;
  const id = `${target.file}#${target.pointer}`;
  if (seen.has(id)) return false;
  seen.add(id);
  return reachesOrgSyntax(schemaAt(read, target), target.file, read, seen);
}

import { relative, sep } from "node:path";
import { stringify } from "yaml";
import type { KindSpec } from "../drivers/driver.js";
import { SCHEMA_DIR } from "../manifest/schemas.js";
import type { LiveResource } from "../model/resource.js";

/**
 * One manifest file for what a target holds of one kind: every object, in key order, with
 * its vendor ids pinned, and a schema comment for editors.
 */
export function importedManifest(target: string, spec: KindSpec, live: LiveResource[], outDir: string): string {
  const items = live
    .filter((r) => r.kind === spec.kind && r.target === target)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => spec.toItem(r));
  const schema = relative(outDir, `${SCHEMA_DIR}${spec.schema}`).split(sep).join("/");
  const doc = { apiVersion: "orgform/v1", kind: spec.kind, target, items };
  return [
    `# yaml-language-server: $schema=${schema}`,
    `# Imported by orgform from target "${target}": ${items.length} object${items.length === 1 ? "" : "s"}.`,
    stringify(doc, { lineWidth: 0, sortMapEntries: false }),
  ].join("\n");
}

export function importFileName(target: string, kind: string): string {
  return `${target}.${kind}.yaml`;
}

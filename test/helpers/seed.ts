import { expect } from "vitest";
import { checkDocuments } from "../../src/manifest/load.js";
import { parseYamlFile } from "../../src/manifest/yaml.js";
import type { Diagnostic } from "../../src/model/plan.js";

/** Manifests read from one YAML text as the loader checks them; the test fails on any diagnostic. */
export function manifestsFromText(text: string, env: Record<string, string>): ReturnType<typeof checkDocuments> {
  const diagnostics: Diagnostic[] = [];
  const manifests = checkDocuments(parseYamlFile("seed.yaml", text).documents, env, diagnostics);
  expect(diagnostics).toEqual([]);
  return manifests;
}

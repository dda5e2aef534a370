import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { itemFilesInTree, itemTypeFiles } from "./files.js";

/**
 * `npm run gen:item-types`: writes each kind's item types from its schema, and removes a
 * generated file whose kind schema is gone.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const files = itemTypeFiles(ROOT);
for (const file of files) {
  const at = join(ROOT, file.path);
  if (existsSync(at) && readFileSync(at, "utf8") === file.text) continue;
  writeFileSync(at, file.text);
  console.log(`wrote ${file.path} (from schemas/${file.schema})`);
}
const written = new Set(files.map((f) => f.path));
for (const path of itemFilesInTree(ROOT).filter((p) => !written.has(p))) {
  rmSync(join(ROOT, path));
  console.log(`removed ${path} (no kind schema gives it)`);
}

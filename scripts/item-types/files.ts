import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { itemTypes, type ItemTypes } from "./item-file.js";
import { schemaReader } from "./refs.js";

/** One generated file: where it goes, from the repository root, and what it holds. */
export interface ItemFile extends ItemTypes {
  path: string;
}

const SUFFIX = ".item.ts";

/** Beside the kind's own file: `o2oa.Unit` → `src/drivers/o2oa/kinds/unit.item.ts`. */
export function itemFilePath(kind: string): string {
  const dot = kind.indexOf(".");
  const file = kind.slice(dot + 1).replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  return `src/drivers/${kind.slice(0, dot)}/kinds/${file}${SUFFIX}`;
}

/** The item types of every kind schema under `<root>/schemas/kinds`, as the schemas are now. */
export function itemTypeFiles(root: string): ItemFile[] {
  const read = schemaReader(root);
  return readdirSync(join(root, "schemas/kinds"))
    .filter((f) => f.endsWith(".schema.json"))
    .sort()
    .map((f) => itemTypes(`kinds/${f}`, read))
    .map((types) => ({ ...types, path: itemFilePath(types.kind) }));
}

/** The generated files in the tree now: every `*.item.ts` in a driver's `kinds/`. */
export function itemFilesInTree(root: string): string[] {
  const drivers = join(root, "src/drivers");
  return readdirSync(drivers, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(drivers, d.name, "kinds")))
    .flatMap((d) => readdirSync(join(drivers, d.name, "kinds")).filter((f) => f.endsWith(SUFFIX)).map((f) => `src/drivers/${d.name}/kinds/${f}`))
    .sort();
}

import { COMMON_ITEM_FIELDS } from "../../src/model/resource.js";
import { isObject, refTarget, schemaAt, type RefTarget, type SchemaReader } from "./refs.js";
import { NEVER, objectMembers, propertyName, typeOf, type Scope } from "./types.js";

/** The command that writes the generated files. */
export const GENERATE_COMMAND = "npm run gen:item-types";

/** `$ref`s into this file are org-model syntax, which the loader replaces before `toCanonical`. */
export const ORG_SYNTAX = "org/selector.schema.json";

/** The item types of one kind, as TypeScript source. */
export interface ItemTypes {
  /** The kind (`o2oa.Unit`). */
  kind: string;
  /** The kind schema, under `schemas/`. */
  schema: string;
  text: string;
}

const WIDTH = 100;

/**
 * The types of a kind document's items (`properties.items.items`): the item type
 * `<Kind>Item`, then one type per object definition of the kind schema it uses, named
 * `<Kind><Definition>`. Everything else is written inline.
 */
export function itemTypes(schemaFile: string, read: SchemaReader): ItemTypes {
  const root = read(schemaFile);
  const kind = kindOf(root, schemaFile);
  const prefix = kind.slice(kind.indexOf(".") + 1);
  const item = itemsOf(root, schemaFile);
  const names = new Map<string, string>([[idOf(item), `${prefix}Item`]]);
  const queue: RefTarget[] = [item];
  const scope: Scope = {
    file: schemaFile,
    ref(ref, from) {
      const target = refTarget(ref, from);
      if (target.file === ORG_SYNTAX) return NEVER;
      const node = schemaAt(read, target);
      if (target.file !== schemaFile || !isObject(node) || node["type"] !== "object") return typeOf(node, { ...scope, file: target.file });
      let name = names.get(idOf(target));
      if (name === undefined) {
        name = prefix + pascal(target.pointer.slice(target.pointer.lastIndexOf("/") + 1));
        names.set(idOf(target), name);
        queue.push(target);
      }
      return name;
    },
  };
  const blocks: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const target = queue[i] as RefTarget;
    const isItem = i === 0;
    const node = schemaAt(read, target);
    const own = isObject(node) && typeof node["description"] === "string" ? [node["description"]] : [];
    const about = isItem ? [`An item of kind ${kind}, as \`toCanonical\` receives it.`, ...own] : own;
    const { members, index } = objectMembers(node, scope, new Set(isItem ? COMMON_ITEM_FIELDS : []));
    const lines = [...docComment(about.join(" "), ""), `export type ${names.get(idOf(target))} = {`];
    for (const m of members) lines.push(...docComment(m.description, "  "), `  ${propertyName(m.name)}${m.optional ? "?" : ""}: ${m.type};`);
    if (index !== undefined) lines.push(`  [key: string]: ${index};`);
    lines.push("};");
    blocks.push(lines.join("\n"));
  }
  return { kind, schema: schemaFile, text: `${header(schemaFile).join("\n")}\n\n${blocks.join("\n\n")}\n` };
}

function header(schemaFile: string): string[] {
  const about =
    "An item as the loader hands it to toCanonical: valid against the schema, without the common " +
    `fields (${COMMON_ITEM_FIELDS.join(", ")}), and with the org model applied, so without ` +
    `selectors and binding handles (\`$ref\`s into schemas/${ORG_SYNTAX}), which the loader ` +
    "replaces by the accounts they name.";
  return [`// Generated from schemas/${schemaFile} by \`${GENERATE_COMMAND}\`; do not edit.`, "//", ...wrap(about, WIDTH - 3).map((line) => `// ${line}`)];
}

function docComment(text: string | undefined, indent: string): string[] {
  if (text === undefined || text === "") return [];
  const safe = text.replace(/\*\//g, "*\\/");
  if (indent.length + safe.length + 7 <= WIDTH) return [`${indent}/** ${safe} */`];
  return [`${indent}/**`, ...wrap(safe, WIDTH - indent.length - 3).map((line) => `${indent} * ${line}`), `${indent} */`];
}

/** Words in lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function kindOf(root: unknown, schemaFile: string): string {
  const kind = isObject(root) && isObject(root["properties"]) && isObject(root["properties"]["kind"]) ? root["properties"]["kind"]["const"] : undefined;
  if (typeof kind !== "string" || !kind.includes(".")) throw new Error(`${schemaFile}: properties.kind.const is not a <vendor>.<Kind> name`);
  return kind;
}

/** Where the document's items are described: the `$ref` of `properties.items.items`, or that node. */
function itemsOf(root: unknown, schemaFile: string): RefTarget {
  const items = isObject(root) && isObject(root["properties"]) ? root["properties"]["items"] : undefined;
  const item = isObject(items) ? items["items"] : undefined;
  if (!isObject(item)) throw new Error(`${schemaFile}: properties.items.items does not describe the items`);
  return typeof item["$ref"] === "string" ? refTarget(item["$ref"], schemaFile) : { file: schemaFile, pointer: "/properties/items/items" };
}

function idOf(target: RefTarget): string {
  return `${target.file}#${target.pointer}`;
}

function pascal(name: string): string {
  return name.replace(/(?:^|[-_])([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

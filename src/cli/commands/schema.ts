import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "../../model/errors.js";
import { ANY_DOCUMENT_SCHEMA, editorSchemas } from "../editor-schemas.js";
import type { Io } from "../io.js";

/** Write the JSON Schemas for editors into a folder of the user's repository. */
export function schemaCommand(options: { out?: string }, io: Io): number {
  if (!options.out) throw new UsageError("schema: give --out DIR, the folder to write the JSON Schemas into");
  const schemas = editorSchemas();
  try {
    for (const [path, schema] of schemas) {
      const file = join(options.out, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`schema --out ${options.out}: cannot write there (${code})`);
  }
  io.err(
    `Wrote ${schemas.size} schemas to ${options.out}. Point an editor at ${join(options.out, ANY_DOCUMENT_SCHEMA)} for any manifest, ` +
      `or start a file with "# yaml-language-server: $schema=<relative path to a schema there>".\n`,
  );
  return 0;
}

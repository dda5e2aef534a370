/* global URL, console */
// Compiles every schema under schemas/ into one module of validators,
// dist/manifest/schemas.compiled.cjs, which src/manifest/schemas.ts loads when it exists.
// Runs after tsc in `npm run build`; it uses the built schemas module so that the options and
// formats are the ones the runtime compiles with.
import { writeFileSync } from "node:fs";
import { _ } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const { schemaFiles, schemaRegistry } = await import(new URL("../dist/manifest/schemas.js", import.meta.url).href);

const ajv = schemaRegistry({ code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
const keys = schemaFiles().map((f) => f.key);
const refs = Object.fromEntries(keys.map((key, i) => [`v${i}`, key]));
const code = standaloneCode.default ?? standaloneCode;
const body = code(ajv, refs);
const table = `exports.SCHEMAS = {${keys.map((key, i) => `${JSON.stringify(key)}: exports.v${i}`).join(", ")}};\n`;
const out = new URL("../dist/manifest/schemas.compiled.cjs", import.meta.url);
writeFileSync(out, `${body}\n${table}`);
console.log(`compiled ${keys.length} schemas into ${out.pathname.split("/").slice(-3).join("/")}`);

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import formatsPlugin from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { SCHEMA_BASE_URL, schemaLocation } from "../../src/cli/editor-schemas.js";
import { exampleOf } from "../helpers/examples.js";
import { manifestDir, runCli } from "../helpers/orgform.js";

const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const DRIVERS = ["dingtalk", "xinrenxinshi", "jiandaoyun", "isdp", "o2oa"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

let out = "";
let ajv: Ajv;
const validator = (path: string): ValidateFunction => {
  const fn = ajv.getSchema(`${SCHEMA_BASE_URL}${path}`);
  if (!fn) throw new Error(`no schema ${path}`);
  return fn;
};
const docsOf = (file: string) => parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS() as Record<string, unknown>);

beforeAll(async () => {
  out = join(manifestDir({}), "schemas", "orgform");
  const run = await runCli(["schema", "--out", out]);
  expect(run.code).toBe(0);
  ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const file of files(out)) ajv.addSchema(JSON.parse(readFileSync(file, "utf8")) as object);
});

describe("orgform schema --out", () => {
  it("writes every manifest schema and the any-document schema, each with an $id that matches its path", () => {
    const written = files(out).map((f) => relative(out, f).split(sep).join("/"));
    expect(written).toContain("target.schema.json");
    expect(written).toContain("orgform.schema.json");
    expect(written.filter((p) => p.startsWith("kinds/")).length).toBeGreaterThanOrEqual(6);
    for (const path of written) expect(JSON.parse(readFileSync(join(out, path), "utf8")).$id).toBe(`${SCHEMA_BASE_URL}${path}`);
  });

  it.each(DRIVERS)("the %s example's documents are valid under the Target, kind and any-document schemas", (driver) => {
    const any = validator("orgform.schema.json");
    for (const name of readdirSync(exampleOf(driver).dir).filter((n) => n.endsWith(".yaml"))) {
      for (const doc of docsOf(join(exampleOf(driver).dir, name))) {
        expect(any(doc), `${name}: ${ajv.errorsText(any.errors)}`).toBe(true);
        const own = doc["kind"] === "Target" ? validator("target.schema.json") : validator(`kinds/${String(doc["kind"])}.schema.json`);
        expect(own(doc), `${name}: ${ajv.errorsText(own.errors)}`).toBe(true);
      }
    }
  });

  it("the Target schema rejects an inline secret and a misspelled credential field, as validate does", async () => {
    const target = validator("target.schema.json");
    const base = { apiVersion: "orgform/v1", kind: "Target", name: "attendance", driver: "dingtalk" };
    const cases = {
      inline: { ...base, credentials: { appKey: "dingkey", appSecret: "plain-text-secret" } },
      misspelled: { ...base, credentials: { appKey: "dingkey", appSecrt: "${DINGTALK_APP_SECRET}" } },
      missing: { ...base, credentials: { appKey: "dingkey" } },
      otherDriver: { ...base, driver: "o2oa", credentials: { appKey: "dingkey", appSecret: "${DINGTALK_APP_SECRET}" } },
    };
    const good = { ...base, credentials: { appKey: "dingkey", appSecret: "${DINGTALK_APP_SECRET}" } };

    expect(target(good)).toBe(true);
    for (const [name, doc] of Object.entries(cases)) {
      expect(target(doc), name).toBe(false);
      const dir = manifestDir({ "t.yaml": JSON.stringify(doc) });
      const validated = await runCli(["validate", dir], { env: { DINGTALK_APP_SECRET: "s3cret-value" } });
      expect(validated.code, `${name}: ${validated.stderr}`).toBe(1);
    }
  });

  it("the any-document schema checks every document of a multi-document file by its kind", () => {
    const any = validator("orgform.schema.json");
    const [target, group] = [...docsOf(join(exampleOf("dingtalk").dir, "target.yaml")), ...docsOf(join(exampleOf("dingtalk").dir, "punch-groups.yaml"))];
    expect(target?.["kind"]).toBe("Target");
    expect(group?.["kind"]).toBe("dingtalk.PunchGroup");
    expect(any(target)).toBe(true);
    expect(any(group)).toBe(true);
    expect(any({ ...group, items: [{ bogus: 1 }] })).toBe(false);
    expect(any({ ...group, kind: "dingtalk.PunchGrup" })).toBe(false);
    expect(any({ ...target, credentials: { appKey: "x", appSecret: "inline" } })).toBe(false);
  });

  it("a folder that cannot be written gets a one-line reason", async () => {
    const dir = manifestDir({ "file.txt": "x" });
    const run = await runCli(["schema", "--out", join(dir, "file.txt", "schemas")]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("schema locations for imported manifests", () => {
  it("are relative to the folder schema --out wrote, or the stable URL; never a path into the package", () => {
    expect(schemaLocation("kinds/isdp.Person.schema.json", "/repo/org/hr", "/repo/schemas/orgform")).toBe("../../schemas/orgform/kinds/isdp.Person.schema.json");
    expect(schemaLocation("target.schema.json", "/repo", "/repo/schemas")).toBe("./schemas/target.schema.json");
    expect(schemaLocation("kinds/isdp.Person.schema.json", "/repo/org")).toBe(`${SCHEMA_BASE_URL}kinds/isdp.Person.schema.json`);
  });
});

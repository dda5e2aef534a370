import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drivers } from "../src/drivers/registry.js";
import { vendorEmulators } from "../src/emulator/registry.js";
import { ROOT } from "./helpers/orgform.js";

const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "kit") // drivers/kit holds helpers every driver shares
    .map((e) => e.name)
    .sort();

/**
 * Every driver folder has the same files for the same jobs. Required: `index.ts` (the Driver),
 * `api.ts` (paths and published rates), `client.ts` (tokens, signing, reading the envelope),
 * `wire.ts` (answer schemas and wire-to-live mapping), `fetch.ts` (live state), `errors.ts`
 * (vendor codes to failure classes) and `kinds/`. Allowed where a driver needs them:
 * `check.ts` (plan-time checks), `doctor.ts` (doctor's probes and assumptions), `org.ts`
 * (people lists and bindings), `facts.ts` (tenant settings fetch hands to check), `sign.ts`
 * (a per-request signature) and `sso.ts` (an SSO login token).
 */
const DRIVER_FILES = ["api.ts", "client.ts", "errors.ts", "fetch.ts", "index.ts", "kinds", "wire.ts"];
const DRIVER_EXTRAS = ["check.ts", "doctor.ts", "facts.ts", "org.ts", "sign.ts", "sso.ts"];
/** Every emulator folder: `index.ts` (routes), `state.ts` (its section of the state file), `answers.ts` (the vendor's envelopes and codes). */
const EMULATOR_FILES = ["answers.ts", "index.ts", "state.ts"];

const entries = (dir: string) => readdirSync(join(ROOT, dir)).sort();

describe("driver and emulator folders", () => {
  it.each(drivers.map((d) => d.name))("src/drivers/%s has the required files and only allowed extras", (name) => {
    const files = entries(`src/drivers/${name}`);

    expect(files).toEqual(expect.arrayContaining(DRIVER_FILES));
    expect(files.filter((f) => !DRIVER_FILES.includes(f) && !DRIVER_EXTRAS.includes(f))).toEqual([]);
  });

  it.each(drivers.map((d) => d.name))("src/emulator/%s has index.ts, state.ts and answers.ts", (name) => {
    expect(entries(`src/emulator/${name}`)).toEqual(expect.arrayContaining(EMULATOR_FILES));
  });

  it.each(drivers.map((d) => [d.name, d] as const))("%s declares doctor probes", (_name, driver) => {
    expect(driver.doctor?.probes.length ?? 0).toBeGreaterThan(0);
  });

  it("every kind whose items list people declares them in org, and org names only item fields", () => {
    for (const kind of drivers.flatMap((d) => d.kinds)) {
      const schema = JSON.parse(readFileSync(join(ROOT, "schemas", kind.schema), "utf8"));
      const fields = Object.keys(schema.$defs.item.properties as object);
      const lists = kind.org?.peopleLists ?? [];
      if (fields.includes("members")) expect(lists, kind.kind).toContain("members");
      for (const path of [...lists, ...(kind.org?.personFields ?? [])]) expect(fields, `${kind.kind} org: ${path}`).toContain(path.split(/[.[]/)[0]);
    }
  });
});

describe("registries", () => {
  it("list every driver folder, and only those", () => {
    expect(drivers.map((d) => d.name).sort()).toEqual(folders("src/drivers"));
  });

  it("list an emulator for every driver", () => {
    expect(Object.keys(vendorEmulators).sort()).toEqual(folders("src/emulator"));
    expect(Object.keys(vendorEmulators).sort()).toEqual(drivers.map((d) => d.name).sort());
  });

  it("name every driver in the Target schema and the emulator state schema", () => {
    const target = JSON.parse(readFileSync(join(ROOT, "schemas/target.schema.json"), "utf8"));
    const state = JSON.parse(readFileSync(join(ROOT, "schemas/emulator-state.schema.json"), "utf8"));

    expect([...target.properties.driver.enum].sort()).toEqual(drivers.map((d) => d.name).sort());
    expect(Object.keys(state.properties).sort()).toEqual(drivers.map((d) => d.name).sort());
  });

  it("give every kind a schema file, a key field and a driver prefix", () => {
    for (const d of drivers) {
      for (const k of d.kinds) {
        expect(k.kind.startsWith(`${d.name}.`)).toBe(true);
        const schema = JSON.parse(readFileSync(join(ROOT, "schemas", k.schema), "utf8"));
        expect(schema.properties.kind.const).toBe(k.kind);
        expect(schema.$defs.item.properties).toHaveProperty(k.keyField);
      }
    }
  });
});

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

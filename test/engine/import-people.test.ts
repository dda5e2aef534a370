import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importedPeople, readPeople } from "../../src/engine/import-people.js";
import { peopleYaml } from "../../src/engine/import-people-yaml.js";
import { loadManifests } from "../../src/manifest/load.js";
import { schemaRegistry } from "../../src/manifest/schemas.js";
import { emulatorWith, manifestDir, type TestEmulator } from "../helpers/orgform.js";

/**
 * Matching people across two ISDP tenants, each an emulator over real HTTP: records become one
 * Person only where an email or a mobile agrees; the same name alone is a comment for a human.
 */
const TOKEN = "demo-app-token-not-for-production";
const running: TestEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function isdpTenant(persons: Record<string, unknown>[]): Promise<TestEmulator> {
  const emulator = await emulatorWith({
    isdp: {
      clients: [{ client_id: "isdp-saas-openapi", username: "1001234567", password: TOKEN }],
      persons: persons.map((p, i) => ({ personId: 5001 + i, personStatus: "OpenAccount", personType: "Employee", ...p })),
    },
  });
  running.push(emulator);
  return emulator;
}

function target(name: string): string {
  return `apiVersion: orgform/v1\nkind: Target\nname: ${name}\ndriver: isdp\nendpoint: \${${name.toUpperCase()}_ENDPOINT}\ncredentials:\n  clientId: isdp-saas-openapi\n  username: "1001234567"\n  password: \${ISDP_APP_TOKEN}\n`;
}

/** An isdp.Person manifest: the emails and phones the list call does not return are written here. */
function persons(name: string, items: Record<string, string>[]): string {
  const rows = items.map((i) => `  - ${Object.entries(i).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n    ")}`);
  return `apiVersion: orgform/v1\nkind: isdp.Person\ntarget: ${name}\nitems:\n${rows.join("\n")}\n`;
}

const NORTH: Record<string, string>[] = [
  { personCode: "n001", personName: "张三", email: "zhangsan@example.com", phone: "13800000001" },
  { personCode: "n002", personName: "李四", email: "lisi@example.com" },
  { personCode: "n003", personName: "王五", phone: "13800000003" },
];
const SOUTH: Record<string, string>[] = [
  { personCode: "s101", personName: "张三", email: "ZhangSan@Example.com" },
  { personCode: "s102", personName: "李四", email: "li.si@other.example" },
  { personCode: "s103", personName: "王五", phone: "13800000003" },
];

async function imported(north = NORTH, south = SOUTH) {
  const [n, s] = [await isdpTenant(north), await isdpTenant(south)];
  const env = { NORTH_ENDPOINT: `${n.url}/isdp`, SOUTH_ENDPOINT: `${s.url}/isdp`, ISDP_APP_TOKEN: TOKEN };
  const dir = manifestDir({ "targets.yaml": `${target("north")}---\n${target("south")}`, "north.yaml": persons("north", north), "south.yaml": persons("south", south) });
  const read = await readPeople(loadManifests([dir], { env }), undefined);
  return { read, people: importedPeople(read), calls: [...n.calls(), ...s.calls()] };
}

describe("import --people across two tenants", () => {
  it("merges where the email or the mobile agrees, and leaves the same name with different emails as a comment", async () => {
    const { read, people, calls } = await imported();
    expect(calls.every((c) => c.path.includes("getPersonList") || c.path.includes("token"))).toBe(true);
    expect(people.people.map((p) => ({ handle: p.handle, accounts: p.accounts }))).toEqual([
      { handle: "li.si", accounts: { south: "s102" } },
      { handle: "lisi", accounts: { north: "n002" } },
      { handle: "n003", accounts: { north: "n003", south: "s103" } },
      { handle: "zhangsan", accounts: { north: "n001", south: "s101" } },
    ]);
    const text = peopleYaml(people, read.targets, "../schemas/org/Person.schema.json");
    expect(text).toMatch(/# Check: Same name \(李四\) as `lisi`, but no email or mobile agrees: not merged\.[^\n]*\n {2}- handle: li\.si\n/);
    expect(text).toMatch(/# Check: Same name \(李四\) as `li\.si`, but no email or mobile agrees: not merged\.[^\n]*\n {2}- handle: lisi\n/);
    expect(text).not.toMatch(/Same name \((张三|王五)\)/);

    const doc = parse(text) as unknown;
    const validate = schemaRegistry().getSchema("org/Person.schema.json");
    expect(validate?.(doc), JSON.stringify(validate?.errors)).toBe(true);
  });

  it("does not merge when the email agrees but the mobiles differ", async () => {
    const north = [{ personCode: "n001", personName: "张三", email: "zhangsan@example.com", phone: "13800000001" }];
    const south = [{ personCode: "s101", personName: "张三", email: "zhangsan@example.com", phone: "13900000009" }];
    const { people } = await imported(north, south);
    expect(people.people.map((p) => [p.handle, p.accounts])).toEqual([["zhangsan", { north: "n001" }], ["zhangsan-2", { south: "s101" }]]);
    expect(people.people[0]?.notes).toEqual(["Shares an email or a mobile with `zhangsan-2`, but their mobiles differ (13800000001, 13900000009): not merged."]);
  });

  it("does not merge on an email two records of one tenant share", async () => {
    const north = [
      { personCode: "n001", personName: "张三", email: "zhangsan@example.com" },
      { personCode: "n002", personName: "张三", email: "zhangsan@example.com" },
    ];
    const south = [{ personCode: "s101", personName: "张三", email: "zhangsan@example.com" }];
    const { people } = await imported(north, south);
    expect(people.people.map((p) => p.accounts)).toEqual([{ north: "n001" }, { north: "n002" }, { south: "s101" }]);
    expect(people.people[0]?.notes.join("\n")).toMatch(/with `zhangsan-2`, but both are records on target "north" \(n001, n002\): not merged/);
    expect(people.people[2]?.notes.join("\n")).toMatch(/with `zhangsan`, but several people share that email or mobile: not merged/);
    expect(new Set(people.people.map((p) => p.handle)).size).toBe(3);
  });
});

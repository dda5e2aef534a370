import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KindOrgSpec } from "../../src/model/org.js";
import type { Diagnostic } from "../../src/model/plan.js";
import { buildDirectory, type Directory } from "../../src/manifest/org/directory.js";
import { resolveDocument, type OrgDocument } from "../../src/manifest/org/resolve.js";
import { parseYamlFile, type ParsedDocument } from "../../src/manifest/yaml.js";

const ORG = `
kind: Person
items:
  - { handle: zhangsan, name: 张三, email: zs@example.com, mobile: "13800000000", department: backend, accounts: { att: "0412345", hr: p001 } }
  - { handle: lisi, name: 李四, department: backend, accounts: { att: "0412346" } }
  - { handle: wangwu, name: 王五, department: rd, accounts: { att: "0412347", hr: p003 } }
  - { handle: zhaoliu, name: 赵六, department: platform }
  - { handle: qianqi, name: 钱七, department: backend, left: true, accounts: { att: "0412349", hr: p005 } }
---
kind: Team
items:
  - { handle: core, members: [zhangsan, zhaoliu] }
  - { handle: eng, members: [wangwu], teams: [core] }
---
kind: Department
items:
  - { handle: rd, name: 研发中心, head: wangwu, accounts: { hr: RD } }
  - { handle: backend, name: 后端组, parent: rd, head: zhangsan, accounts: { hr: RD-BE } }
  - { handle: platform, name: 平台组, parent: rd }
`;

function docs(text: string): ParsedDocument[] {
  const parsed = parseYamlFile("org.yaml", text);
  if (parsed.diagnostics.length) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.documents;
}

function directory(text = ORG, targets = ["att", "hr"]): { dir: Directory; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  return { dir: buildDirectory(docs(text), new Set(targets), diagnostics), diagnostics };
}

const MEMBERS: KindOrgSpec = { peopleLists: ["members", "duties[].value"], personFields: ["adminId"] };
const PERSON_RECORD: KindOrgSpec = {
  binding: { by: "person", keyField: "code", fill: ({ person }) => ({ name: person.name, email: person.email, phone: person.mobile }) },
};
const DEPARTMENT_RECORD: KindOrgSpec = {
  peopleLists: [],
  binding: { by: "department", keyField: "code", fill: (b) => ({ name: b.department.name, parent: b.parentAccount, adminId: b.headAccount }) },
};

function doc(target: string, org: KindOrgSpec, items: Record<string, unknown>[], itemsFrom?: "people" | "departments"): OrgDocument {
  const d: OrgDocument = { target, kind: "test.Kind", org, items, positionOf: (path) => ({ file: "vendor.yaml", line: path.length, column: 1 }) };
  if (itemsFrom) d.itemsFrom = itemsFrom;
  return d;
}

function resolve(d: OrgDocument, dir = directory().dir) {
  const diagnostics: Diagnostic[] = [];
  const result = resolveDocument(d, dir, diagnostics);
  return { values: result.items.map((i) => i.value), missing: result.missing.map((p) => p.handle).sort(), messages: diagnostics.map((x) => x.message) };
}

describe("org directory", () => {
  it("reads people, teams and departments with no problem in a good org", () => {
    const { dir, diagnostics } = directory();

    expect(diagnostics).toEqual([]);
    expect([...dir.people.keys()]).toEqual(["zhangsan", "lisi", "wangwu", "zhaoliu", "qianqi"]);
    expect(dir.peopleIn.get("backend")?.map((p) => p.handle)).toEqual(["zhangsan", "lisi", "qianqi"]);
    expect(dir.members.get("eng")?.map((p) => p.handle)).toEqual(["wangwu"]);
  });

  it("reports handles defined twice, shared accounts, unknown targets, unknown handles and cycles, each at its place", () => {
    const { diagnostics } = directory(`
kind: Person
items:
  - { handle: a, department: nowhere, accounts: { att: "1", ghost: x } }
  - { handle: b, accounts: { att: "1" } }
  - { handle: a }
---
kind: Team
items:
  - { handle: t1, members: [a, nobody], teams: [t2] }
  - { handle: t2, teams: [t1, t9] }
---
kind: Department
items:
  - { handle: d1, parent: d2, head: nobody }
  - { handle: d2, parent: d1 }
`);
    const lines = diagnostics.map((d) => `${d.source?.line} ${d.path}: ${d.message}`).sort();

    expect(lines).toEqual(
      [
        `4 items[0].accounts.ghost: Person "a": accounts names target "ghost", which no manifest defines (targets: att, hr)`,
        `4 items[0].department: Person "a": unknown Department "nowhere"`,
        `5 items[1].accounts.att: Person "b" has account "1" on target "att", which Person "a" already has`,
        `6 items[2].handle: Person "a" is defined twice (first at org.yaml:4)`,
        `10 items[0].members[1]: Team "t1": unknown Person "nobody"`,
        `10 items[0].teams: Team "t1" includes itself through t1 → t2 → t1`,
        `11 items[1].teams[1]: Team "t2": unknown Team "t9"`,
        `15 items[0].head: Department "d1": unknown Person "nobody"`,
        `15 items[0].parent: Department "d1" is its own ancestor through d1 → d2 → d1`,
      ].sort(),
    );
  });
});

describe("selectors", () => {
  it("expand persons, nested teams and departments through each target's accounts; leavers resolve to nothing", () => {
    const r = resolve(doc("att", MEMBERS, [{ members: ["9999", { person: "zhangsan" }, { person: "qianqi" }, { team: "eng" }, { department: "backend" }] }]));

    expect(r.messages).toEqual([]);
    expect(r.values[0]?.["members"]).toEqual(["9999", "0412345", "0412347", "0412346"]);
    // zhaoliu is in team core but has no account on att: left out and reported.
    expect(r.missing).toEqual(["zhaoliu"]);
  });

  it("takes a department's whole subtree when asked", () => {
    const only = resolve(doc("att", MEMBERS, [{ members: [{ department: "rd" }] }]));
    const subtree = resolve(doc("att", MEMBERS, [{ members: [{ department: "rd", subtree: true }] }]));

    expect(only.values[0]?.["members"]).toEqual(["0412347"]);
    expect([...(subtree.values[0]?.["members"] as string[])].sort()).toEqual(["0412345", "0412346", "0412347"]);
    expect(subtree.missing).toEqual(["zhaoliu"]);
  });

  it("resolve inside lists of objects (duties) and single person fields", () => {
    const r = resolve(doc("att", MEMBERS, [{ adminId: { person: "lisi" }, duties: [{ name: "经理", value: [{ person: "zhangsan" }] }] }]));

    expect(r.values[0]).toEqual({ adminId: "0412346", duties: [{ name: "经理", value: ["0412345"] }] });
  });

  it("refuse unknown handles, with a suggestion, and an explicit person with no account on the target", () => {
    const r = resolve(doc("att", MEMBERS, [{ members: [{ person: "zhangsna" }, { team: "nope" }, { person: "zhaoliu" }] }]));

    expect(r.messages).toEqual([
      'unknown Person "zhangsna" (did you mean "zhangsan"?)',
      'unknown Team "nope"',
      'Person "zhaoliu" has no account on target "att" (add accounts.att to the Person)',
    ]);
  });

  it("leave an item without selectors as it is (the same object)", () => {
    const item = { members: ["a", "b"], adminId: "x" };
    const diagnostics: Diagnostic[] = [];

    const result = resolveDocument(doc("att", MEMBERS, [item]), directory().dir, diagnostics);

    expect(result.items[0]?.value).toBe(item);
  });

  it("resolve to the same set whatever order people, teams and list entries are written in", () => {
    const people = [0, 1, 2, 3, 4, 5].map((i) => `  - { handle: p${i}, department: ${i % 2 ? "d1" : "d2"}, accounts: { att: "id${i}" }${i === 5 ? ", left: true" : ""} }`);
    const selectors = [{ team: "t" }, { department: "d1" }, { person: "p2" }, "raw"];
    fc.assert(
      fc.property(fc.shuffledSubarray(people, { minLength: people.length }), fc.shuffledSubarray(selectors, { minLength: selectors.length }), (ps, sels) => {
        const text = `kind: Person\nitems:\n${ps.join("\n")}\n---\nkind: Team\nitems:\n  - { handle: t, members: [p0, p3, p5] }\n---\nkind: Department\nitems:\n  - { handle: d1 }\n  - { handle: d2 }\n`;
        const r = resolve(doc("att", MEMBERS, [{ members: sels }]), directory(text, ["att"]).dir);
        expect([...(r.values[0]?.["members"] as string[])].sort()).toEqual(["id0", "id1", "id2", "id3", "raw"]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("bindings and itemsFrom", () => {
  it("fill a record from its Person, keep what the item sets, and mark a leaver's record absent", () => {
    const r = resolve(doc("hr", PERSON_RECORD, [{ person: "zhangsan", name: "张三丰" }, { person: "qianqi" }]));

    expect(r.messages).toEqual([]);
    expect(r.values).toEqual([
      { code: "p001", name: "张三丰", email: "zs@example.com", phone: "13800000000" },
      { code: "p005", name: "钱七", absent: true },
    ]);
  });

  it("fill a department record with the parent's key and the head's account on the same target", () => {
    const r = resolve(doc("hr", DEPARTMENT_RECORD, [{ department: "backend" }, { department: "rd" }]));

    expect(r.values).toEqual([
      { code: "RD-BE", name: "后端组", parent: "RD", adminId: "p001" },
      { code: "RD", name: "研发中心", adminId: "p003" },
    ]);
  });

  it("generate one item per Person with an account on the target; written items override", () => {
    const r = resolve(doc("hr", PERSON_RECORD, [{ person: "wangwu", name: "老王" }], "people"));

    expect(r.values.map((v) => [v["code"], v["name"], v["absent"] ?? false])).toEqual([
      ["p003", "老王", false],
      ["p001", "张三", false],
      ["p005", "钱七", true],
    ]);
  });

  it("refuse a binding and an explicit key that disagree, an unknown handle, and an object with no account there", () => {
    const r = resolve(doc("hr", PERSON_RECORD, [{ person: "zhangsan", code: "p999" }, { person: "nobody" }, { person: "lisi" }]));

    expect(r.messages).toEqual([
      'code "p999" disagrees with Person "zhangsan", whose account on target "hr" is "p001"',
      'unknown Person "nobody"',
      'Person "lisi" has no account on target "hr" (add accounts.hr)',
    ]);
    expect(r.values).toEqual([]);
  });
});

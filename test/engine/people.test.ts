import { describe, expect, it } from "vitest";
import { peopleInChanges } from "../../src/engine/people.js";
import { buildDirectory } from "../../src/manifest/org/directory.js";
import { parseYamlFile } from "../../src/manifest/yaml.js";
import type { Action, Diagnostic } from "../../src/model/plan.js";

const ORG = `
kind: Person
items:
  - { handle: zhangsan, name: 张三, accounts: { att: "0412345", forms: zs } }
  - { handle: lisi, accounts: { att: "0412346" } }
  - { handle: wangwu, name: 王五, accounts: { att: "0412345" } }
`;

function action(target: string, key: string, changes: Action["changes"]): Action {
  return { id: `${target}/k/${key}`, target, kind: "k", key, op: "update", changes, dependsOn: [] };
}

describe("people in changes", () => {
  it("labels the ids the changes name, in the order they first appear, the first holder of a shared id", () => {
    const diagnostics: Diagnostic[] = [];
    const dir = buildDirectory(parseYamlFile("org.yaml", ORG).documents, new Set(["att", "forms"]), diagnostics);
    const actions = [
      action("att", "g1", [{ field: "members", add: ["unknown", "0412346"], remove: ["0412345"] }]),
      action("forms", "zs", [{ field: "owner", before: "lisi", after: ["zs"] }]),
      action("att", "0412346", []),
    ];

    const labels = peopleInChanges(dir, actions);

    expect(diagnostics.map((d) => d.message)).toEqual(['Person "wangwu" has account "0412345" on target "att", which Person "zhangsan" already has']);
    expect(JSON.stringify(labels)).toBe(JSON.stringify({ att: { "0412346": { handle: "lisi" }, "0412345": { handle: "zhangsan", name: "张三" } }, forms: { zs: { handle: "zhangsan", name: "张三" } } }));
  });
});

import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/plan.js";
import { manifestDir, ROOT } from "../helpers/orgform.js";

// The parse thread's module exists only in the build, so these tests load the built modules.
type Load = typeof import("../../src/manifest/load.js");
type Spread = typeof import("../../src/manifest/parse-spread.js");
const { loadManifests } = (await import(`${ROOT}dist/manifest/load.js`)) as Load;
const { offThreadParseCount } = (await import(`${ROOT}dist/manifest/parse-spread.js`)) as Spread;

const target = "apiVersion: orgform/v1\nkind: Target\nname: site\ndriver: isdp\nendpoint: http://127.0.0.1:9/isdp\ncredentials: { clientId: c, username: u, password: \"${ISDP_PASSWORD}\" }\n";
// The tab in the comment makes the block-style parser leave the file to js-yaml: only such
// files go to parse threads.
const persons = (from: number, n: number, extra = "", header = "# generated\tby a script\n") =>
  `${header}apiVersion: orgform/v1\nkind: isdp.Person\ntarget: site\nitems:\n${Array.from({ length: n }, (_, i) => `  - { personCode: P${from + i}, personName: 员工${from + i}, orgNo: "10"${extra} }`).join("\n")}\n`;

/** What a load gives, in a form two loads can be compared by: the items, or every problem with its position. */
function outcome(dir: string, threads: string): unknown {
  try {
    const m = loadManifests([dir], { env: { ORGFORM_PARSE_THREADS: threads, ISDP_PASSWORD: "pw" } });
    return { files: m.files, skipped: m.skipped, desired: m.desired.map((d) => [d.key, d.fields, d.source.file, d.source.line]) };
  } catch (err) {
    // The built ManifestError, not the one of the sources: recognised by its diagnostics.
    const diagnostics = (err as { diagnostics?: Diagnostic[] }).diagnostics;
    if (diagnostics) return diagnostics.map((d) => [d.source?.file, d.source?.line, d.source?.column, d.path, d.message]);
    throw err;
  }
}

describe("parse threads", () => {
  it("read a folder of several files exactly as the main thread alone does", () => {
    const dir = manifestDir({
      "target.yaml": target,
      "a.yaml": persons(0, 300),
      "b.yaml": persons(300, 300),
      "c.yaml": persons(600, 300),
      "notes.yaml": "title: not a manifest\n",
    });
    const before = offThreadParseCount();

    const spread = outcome(dir, "2");

    expect(offThreadParseCount() - before).toBeGreaterThan(0);
    expect(spread).toEqual(outcome(dir, "0"));
    expect((spread as { desired: unknown[] }).desired).toHaveLength(900);
  });

  it("are not started for files the block-style parser reads", () => {
    const dir = manifestDir({ "target.yaml": target, "a.yaml": persons(0, 300, "", ""), "b.yaml": persons(300, 300, "", "") });
    const before = offThreadParseCount();

    const spread = outcome(dir, "2");

    expect(offThreadParseCount()).toBe(before);
    expect((spread as { desired: unknown[] }).desired).toHaveLength(600);
  });

  it("report problems at the same file, line and column, whichever thread parsed the file", () => {
    const dir = manifestDir({
      "target.yaml": target,
      "a.yaml": persons(0, 200),
      "b.yaml": persons(200, 200, ", status: often"),
      "c.yaml": `${persons(400, 50)}  - &anchor { personCode: X1, personName: x, orgNo: "1" }\n`,
      "d.yaml": "apiVersion: orgform/v1\nkind: isdp.Person\ntarget: site\nitems:\n  - { personCode: [unclosed\n",
    });
    const before = offThreadParseCount();

    const spread = outcome(dir, "3");

    expect(offThreadParseCount() - before).toBeGreaterThan(0);
    expect(spread).toEqual(outcome(dir, "0"));
    expect(JSON.stringify(spread)).toContain("b.yaml");
    expect(JSON.stringify(spread)).toContain("d.yaml");
  });
});

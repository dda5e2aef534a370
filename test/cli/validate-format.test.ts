import { describe, expect, it } from "vitest";
import { annotation } from "../../src/cli/commands/validate.js";
import { exampleOf } from "../helpers/examples.js";
import { manifestDir, runCli } from "../helpers/orgform.js";

const broken = {
  "target.yaml": "apiVersion: orgform/v1\nkind: Target\nname: hr\ndriver: xinrenxinshi\nendpoint: http://127.0.0.1:9/x\ncredentials: { appKey: k, appSecret: \"${XRXS_SECRET}\" }\n",
  "departments.yaml": "apiVersion: orgform/v1\nkind: xinrenxinshi.Department\ntarget: hr\nitems:\n  - code: D1\n    name: Sales\n    type: first\n  - code: D2\n    nmae: R&D\n",
};

describe("validate --format", () => {
  it("json: one report of what was read; stderr as in the text format", async () => {
    const dir = exampleOf("isdp").dir;
    const text = await runCli(["validate", dir]);
    const run = await runCli(["validate", dir, "--format", "json"]);

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ valid: true, targets: 1, kinds: 1, problems: [] });
    expect(text.stdout).toContain(`${(report["files"] as string[]).length} files, 1 target, ${String(report["resources"])} resources`);
    expect(report["unsetVariables"]).toEqual(["ISDP_APP_TOKEN", "ISDP_ENDPOINT"]);
    // The format changes stdout only.
    expect(run.stderr).toBe(text.stderr);
  });

  it("json: every problem the text format prints, with file, line, column, path and message", async () => {
    const dir = manifestDir(broken);
    const text = await runCli(["validate", dir]);
    const run = await runCli(["validate", dir, "--format", "json"]);

    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; problems: { file?: string; line?: number; column?: number; path?: string; message: string }[] };
    expect(report.valid).toBe(false);
    const lines = text.stderr.trim().split("\n").slice(0, -1);
    expect(report.problems.length).toBeGreaterThan(1);
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual(lines);
    expect(run.stderr).toBe(text.stderr);
  });

  it("gitlab: a code quality report, one issue per problem with its file and line; [] when valid", async () => {
    const dir = manifestDir(broken);
    const text = await runCli(["validate", dir]);
    const run = await runCli(["validate", dir, "--format", "gitlab"]);
    const valid = await runCli(["validate", exampleOf("isdp").dir, "--format", "gitlab"]);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(text.stderr);
    const issues = JSON.parse(run.stdout) as { description: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    const lines = text.stderr.trim().split("\n").slice(0, -1);
    expect(issues.map((i) => `${i.location.path}:${i.location.lines.begin}: ${i.description}`)).toEqual(lines.map((l) => l.replace(/^([^:]+):(\d+):\d+ /, "$1:$2: ")));
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.every((i) => i.severity === "major")).toBe(true);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual([]);
  });

  it("github: one error annotation per problem, on the line the text format names", async () => {
    const dir = manifestDir(broken);
    const text = await runCli(["validate", dir]);
    const run = await runCli(["validate", dir, "--format", "github"]);

    expect(run.code).toBe(1);
    const lines = text.stderr.trim().split("\n").slice(0, -1);
    expect(run.stderr).toBe(text.stderr);
    const annotations = run.stdout.trim().split("\n");
    expect(annotations).toHaveLength(lines.length);
    for (const [i, a] of annotations.entries()) {
      const m = /^::error file=([^,]+),line=(\d+),col=(\d+),title=orgform::(.*)$/.exec(a);
      expect(m, a).not.toBeNull();
      expect(`${m?.[1]}:${m?.[2]}:${m?.[3]} ${m?.[4]}`).toBe(lines[i]);
    }
  });

  it("github: escapes what would end a property or the message early", () => {
    expect(annotation({ source: { file: "org/a,b:c.yaml", line: 3, column: 7 }, path: "items[0]", message: "100% wrong\nsee: docs" })).toBe(
      "::error file=org/a%2Cb%3Ac.yaml,line=3,col=7,title=orgform::items[0]: 100%25 wrong%0Asee: docs",
    );
    expect(annotation({ message: "org: no orgform manifest here" })).toBe("::error title=orgform::org: no orgform manifest here");
  });

  it("refuses a format it does not know", async () => {
    const run = await runCli(["validate", exampleOf("isdp").dir, "--format", "xml"]);

    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("xml");
  });
});

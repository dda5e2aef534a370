import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifests } from "../../src/manifest/load.js";
import { runCli } from "../helpers/orgform.js";
import { loadLikeCli } from "./in-process.js";

const ENV = { DT_URL: "http://127.0.0.1:1/dingtalk", DT_SECRET: "s3cret-value" };
const TARGET = `apiVersion: orgform/v1
kind: Target
name: att
driver: dingtalk
endpoint: \${DT_URL}
credentials:
  appKey: k
  appSecret: \${DT_SECRET}
`;
const group = (id: string) => `apiVersion: orgform/v1
kind: dingtalk.PunchGroup
target: att
items:
  - punch_group_id: "${id}"
    biz_inst_id: "${id}"
    members: [u1]
`;

/** A folder with files (text), symbolic links (`{ link: target }`) and empty folders (`null`). */
function tree(entries: Record<string, string | { link: string } | null>): string {
  const dir = mkdtempSync(join(tmpdir(), "orgform-discovery-"));
  for (const [name, what] of Object.entries(entries)) {
    const full = join(dir, name);
    mkdirSync(what === null ? full : dirname(full), { recursive: true });
    if (typeof what === "string") writeFileSync(full, what);
    else if (what) symlinkSync(what.link, full);
  }
  return dir;
}

const keysOf = (dir: string) => loadManifests([dir], { env: ENV, cwd: dir }).desired.map((d) => d.key).sort();

describe("manifest discovery reads every YAML file under the paths", () => {
  it("reads folders named dist, dot-files, dot-folders and a folder named like a file", () => {
    const dir = tree({ "t.yaml": TARGET, "dist/a.yaml": group("a"), ".b.yaml": group("b"), ".hidden/c.yml": group("c"), "d.yaml/inner.yaml": group("d"), "E.YAML": group("e") });

    expect(keysOf(dir)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("follows symbolic links to folders and files, and reads a file reached twice once", () => {
    const outside = tree({ "shared/g.yaml": group("g") });
    const dir = tree({ "t.yaml": TARGET, "linked": { link: join(outside, "shared") }, "one.yaml": group("one"), "again.yaml": { link: "one.yaml" } });

    const m = loadManifests([dir], { env: ENV, cwd: dir });

    expect(m.desired.map((d) => d.key).sort()).toEqual(["g", "one"]);
    expect(m.skipped).toContainEqual({ display: "one.yaml", reason: "the same file as again.yaml, read once" });
  });

  it("stops at a symbolic link that leads back to a folder already read", () => {
    const dir = tree({ "t.yaml": TARGET, "sub/g.yaml": group("g") });
    symlinkSync(dir, join(dir, "sub", "loop"));

    const m = loadManifests([dir], { env: ENV, cwd: dir });

    expect(m.desired.map((d) => d.key)).toEqual(["g"]);
    expect(m.skipped.map((s) => s.display)).toContain("sub/loop/");
  });
});

describe("what is not read is reported, with the reason", () => {
  it("lists other files, node_modules, .git, non-orgform YAML and empty YAML files", () => {
    const dir = tree({
      "t.yaml": TARGET,
      "g.yaml": group("g"),
      "README.md": "# readme",
      "node_modules/pkg/x.yaml": group("x"),
      ".git/config.yaml": group("y"),
      ".github/workflows/ci.yml": "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n",
      "k8s.yaml": "apiVersion: v1\nkind: Service\nmetadata: { name: x }\n",
      "empty.yaml": "# nothing yet\n",
    });

    const run = loadLikeCli([dir], { env: ENV, cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stderr.trim().split("\n").sort()).toEqual([
      "note: not read (empty: no YAML document in it): empty.yaml",
      "note: not read (git's own store, never walked): .git/",
      "note: not read (installed packages, never walked): node_modules/",
      "note: not read (not a .yaml/.yml file): README.md",
      "note: not read (not an orgform manifest (no apiVersion: orgform/v1 and no orgform kind)): .github/workflows/ci.yml, k8s.yaml",
    ]);
  });

  it("does not read a FIFO named like a manifest (no hang)", () => {
    const dir = tree({ "t.yaml": TARGET, "g.yaml": group("g") });
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);

    expect(loadManifests([dir], { env: ENV, cwd: dir }).skipped).toEqual([{ display: "pipe.yaml", reason: "not a regular file" }]);
  });

  it("validates a file meant for orgform even when its apiVersion is wrong", () => {
    const dir = tree({ "t.yaml": TARGET.replace("orgform/v1", "orgfrom/v1") });

    expect(loadLikeCli([dir], { env: ENV, cwd: dir }).stderr).toMatch(/^t\.yaml:1:13 apiVersion: must be "orgform\/v1"/m);
  });
});

describe(".orgformignore leaves files and folders out, quietly", () => {
  it("by name at any depth, by path from its folder, folders only with a trailing /, ** across folders", () => {
    const dir = tree({
      ".orgformignore": "# local files\n*.env\ndrafts/\n/top-only.yaml\narchive/**/old-*.yaml\n\n",
      "t.yaml": TARGET,
      "g.yaml": group("g"),
      "demo.env": "X=1",
      "drafts/d.yaml": group("d"),
      "sub/drafts/e.yaml": group("e"),
      "top-only.yaml": group("top"),
      "sub/top-only.yaml": group("deep"),
      "archive/2024/q1/old-a.yaml": group("old"),
      "archive/2024/new-b.yaml": group("new"),
      "sub/drafts.yaml": group("file-not-folder"),
    });

    const run = loadLikeCli([dir], { env: ENV, cwd: dir });
    const m = loadManifests([dir], { env: ENV, cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(m.desired.map((d) => d.key).sort()).toEqual(["deep", "file-not-folder", "g", "new"]);
    expect(m.skipped).toContainEqual({ display: "drafts/", reason: "left out by .orgformignore:3", quiet: true });
    expect(m.skipped).toContainEqual({ display: "archive/2024/q1/old-a.yaml", reason: "left out by .orgformignore:5", quiet: true });
  });

  it("applies a nested ignore file to its own folder only; a path given by name is always read", () => {
    const dir = tree({ "t.yaml": TARGET, "a/.orgformignore": "*.yaml\n", "a/x.yaml": group("x"), "b/y.yaml": group("y") });

    expect(keysOf(dir)).toEqual(["y"]);
    expect(loadManifests([dir, join(dir, "a", "x.yaml")], { env: ENV, cwd: dir }).desired.map((d) => d.key).sort()).toEqual(["x", "y"]);
  });

  it("names what it left out when a path yields nothing, and refuses negation with its line", () => {
    const all = tree({ "org/.orgformignore": "*.yaml\n", "org/g.yaml": group("g") });
    const negated = tree({ ".orgformignore": "# keep\n!g.yaml\n", "t.yaml": TARGET, "g.yaml": group("g") });

    expect(loadLikeCli(["org"], { env: ENV, cwd: all }).stderr).toMatch(/^org: no orgform manifest here \(not read: org\/\.orgformignore: orgform's ignore file; org\/g\.yaml: left out by org\/\.orgformignore:1\)$/m);
    expect(loadLikeCli([negated], { env: ENV, cwd: negated }).stderr).toMatch(/^\.orgformignore:2:1 negation \(!\) is not supported/m);
  });
});

describe("a path that yields no manifest, or cannot be read, is an error", () => {
  it.each([
    ["an empty folder", { "empty": null }, "empty", /^empty: no orgform manifest here \(nothing under it\)$/m],
    ["a folder of other files", { "docs/README.md": "x" }, "docs", /^docs: no orgform manifest here \(not read: docs\/README\.md: not a \.yaml\/\.yml file\)$/m],
    ["a folder of non-orgform YAML", { "ci/a.yml": "on: push\n" }, "ci", /^ci: no orgform manifest here \(not read: ci\/a\.yml: not an orgform manifest/m],
    ["a missing path", {}, "nowhere", /^nowhere: no such file or directory$/m],
    ["a dangling symbolic link", { "gone.yaml": { link: "missing.yaml" } }, "gone.yaml", /^gone\.yaml: dangling symbolic link \(it points to missing\.yaml, which does not exist\)$/m],
    ["a dangling link inside a folder", { "m/t.yaml": TARGET, "m/g.yaml": { link: "../nope.yaml" } }, "m", /^m\/g\.yaml: dangling symbolic link/m],
    ["links in a circle", { "a.yaml": { link: "b.yaml" }, "b.yaml": { link: "a.yaml" } }, "a.yaml", /^a\.yaml: symbolic links that lead in a circle$/m],
  ] as const)("%s", (_name, entries, path, expected) => {
    const dir = tree(entries as Record<string, string | { link: string } | null>);

    const run = loadLikeCli([path], { env: ENV, cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toContain("This is a bug");
  });

  it("names each given path that yields nothing, even when another path has manifests", () => {
    const dir = tree({ "m/t.yaml": TARGET, "m/g.yaml": group("g"), "typo": null });

    expect(loadLikeCli(["m", "typo"], { env: ENV, cwd: dir }).stderr).toMatch(/^typo: no orgform manifest here/m);
  });

  it.skipIf(process.getuid?.() === 0)("reports an unreadable file and folder in one line each", () => {
    const dir = tree({ "t.yaml": TARGET, "locked.yaml": group("x"), "closed/g.yaml": group("y") });
    chmodSync(join(dir, "locked.yaml"), 0);
    chmodSync(join(dir, "closed"), 0);

    const run = loadLikeCli([dir], { env: ENV, cwd: dir });

    expect(run.stderr).toMatch(/^locked\.yaml: cannot be read \(EACCES\)$/m);
    expect(run.stderr).toMatch(/^closed: the folder cannot be read \(EACCES\)$/m);
  });

  it.each(["validate", "plan", "apply"])("the binary's %s exits 1 on an empty folder, and prints notes to stderr", async (command) => {
    const dir = tree({ "empty": null, "m/t.yaml": TARGET, "m/g.yaml": group("g"), "m/notes.txt": "x" });

    const empty = await runCli([command, "empty"], { env: ENV, cwd: dir });

    expect(empty).toMatchObject({ code: 1, stdout: "" });
    expect(empty.stderr).toBe("empty: no orgform manifest here (nothing under it)\nError: 1 problem in the input.\n");
    if (command === "validate") {
      const valid = await runCli([command, "m"], { env: ENV, cwd: dir });
      expect(valid.stderr).toBe("note: not read (not a .yaml/.yml file): m/notes.txt\n");
    }
  });
});

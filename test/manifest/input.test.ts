import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeManifest } from "../../src/manifest/encoding.js";
import { loadManifests } from "../../src/manifest/load.js";
import { parseYamlFile } from "../../src/manifest/yaml.js";
import { loadLikeCli } from "./in-process.js";

const ENV = { DT_URL: "http://127.0.0.1:1/dingtalk", DT_SECRET: "s3cret-value" };
const TARGET = "apiVersion: orgform/v1\nkind: Target\nname: att\ndriver: dingtalk\nendpoint: ${DT_URL}\ncredentials:\n  appKey: k\n  appSecret: ${DT_SECRET}\n";
const GROUP = (members: string) => `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - punch_group_id: "1"\n    biz_inst_id: "1"\n    members: ${members}\n`;

function load(g: string | Buffer) {
  const dir = mkdtempSync(join(tmpdir(), "orgform-input-"));
  writeFileSync(join(dir, "t.yaml"), TARGET);
  writeFileSync(join(dir, "g.yaml"), g);
  return loadLikeCli([dir], { env: ENV, cwd: dir });
}

describe("only UTF-8 is read", () => {
  it.each([
    ["GBK", Buffer.concat([Buffer.from(GROUP("[").trimEnd()), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from("]\n")]), /^g\.yaml:7:15 the file is not UTF-8 \(byte 0xd5/m],
    ["Latin-1", Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\n" + GROUP("[u1]"))]), /^g\.yaml:1:6 the file is not UTF-8/m],
    ["a truncated sequence at the end", Buffer.concat([Buffer.from(GROUP("[u1]")), Buffer.from([0xe5, 0xbc])]), /^g\.yaml:8:1 the file is not UTF-8/m],
    ["an overlong encoding", Buffer.concat([Buffer.from("# x"), Buffer.from([0xc0, 0xaf]), Buffer.from("\n")]), /^g\.yaml:1:4 the file is not UTF-8/m],
    ["an encoded surrogate", Buffer.concat([Buffer.from(GROUP("[u1]")), Buffer.from("# "), Buffer.from([0xed, 0xa0, 0x80])]), /^g\.yaml:8:3 the file is not UTF-8/m],
    ["UTF-16", Buffer.from(`\ufeff${GROUP("[u1]")}`, "utf16le"), /^g\.yaml:1:1 the file is UTF-16; manifests must be UTF-8/m],
  ])("%s is refused with file, line and column", (_name, bytes, expected) => {
    const run = load(bytes);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
  });

  it("accepts UTF-8 with and without a byte-order mark, Chinese included", () => {
    const text = GROUP("[张三, 李四]");
    expect(load(text).code).toBe(0);
    expect(load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).code).toBe(0);
  });

  it("never turns bytes into U+FFFD", () => {
    const decoded = decodeManifest("x.yaml", Buffer.from([0x61, 0xff, 0x62]));
    expect(decoded.ok).toBe(false);
  });
});

describe("control characters are refused", () => {
  it.each([
    ["NUL, escaped", '["u1\\0"]', "U+0000"],
    ["bell, escaped", '["u1\\a"]', "U+0007"],
    ["escape, as \\x1b", '["\\x1b[31mred"]', "U+001B"],
    ["carriage return", '["u1\\rdel"]', "U+000D"],
    ["DEL", '["u1\\x7f"]', "U+007F"],
    ["a C1 control", '["u1\\x85"]', "U+0085"],
    ["right-to-left override", '["u1\\u202e"]', "U+202E"],
    ["first strong isolate", '["u1\\u2068"]', "U+2068"],
    ["line separator", '["u1\\u2028"]', "U+2028"],
  ])("%s in a value", (_name, members, code) => {
    expect(load(GROUP(members)).stderr).toMatch(new RegExp(`^g\\.yaml:7:\\d+ items\\[0\\]\\.members\\[0\\]: holds control character ${code.replace("+", "\\+")}`, "m"));
  });

  it.each([
    ["NUL", "\u0000"],
    ["vertical tab", "\u000b"],
    ["a lone carriage return", "\r"],
  ])("%s written raw in the file", (_name, ch) => {
    expect(load(GROUP(`[u1${ch}]`)).stderr).toMatch(/^g\.yaml:7:\d+ control character U\+00/m);
  });

  it("accepts CRLF line ends and tabs in values", () => {
    expect(load(GROUP('["u1\\tx"]').replace(/\n/g, "\r\n")).code).toBe(0);
  });
});

describe("YAML: one meaning, core tags only", () => {
  it.each(["!!binary dTE=", "!!set {u1}", "!!omap [a: 1]", "!!timestamp 2001-12-14", "!vault secret", "!<tag:example.com,2000:x> y", "!!python/object x"])("%s gives one clear message", (value) => {
    const run = load(GROUP(`[u1]\n    extra: ${value}`));

    const problems = run.stderr.split("\n").filter((l) => l.startsWith("g.yaml"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^g\.yaml:8:\d+ YAML: the tag \S+ is not supported; manifests hold only strings, numbers, booleans, null, lists and mappings$/);
  });

  it.each(["%YAML 1.1", "%TAG !e! tag:example.com,2000:"])("refuses the directive %s", (directive) => {
    expect(load(`${directive}\n---\n${GROUP("[u1]")}`).stderr).toMatch(/^g\.yaml:1:1 YAML: /m);
  });

  it("accepts explicit core tags", () => {
    expect(load(GROUP("[!!str u1]").replace('"1"\n    members', '!!str 1\n    members')).code).toBe(0);
  });

  const SCALARS = ["0b101", "+0x1F", "-.5e+3", "1_000", "0o17", "0x1F", "012", "1e3", "1.", ".5", "+12", "-0", ".inf", "-.Inf", ".NaN", "yes", "no", "on", "True", "FALSE", "~", "Null", "2001-12-14", "1:20", "0x", "1__0", "0b"];

  it.each(SCALARS)("%s means the same in the fast parser and the position-keeping one", (scalar) => {
    const fast = parseYamlFile("f.yaml", `v: ${scalar}\n`);
    const precise = parseYamlFile("p.yaml", `a: &x 1\nv: ${scalar}\n`); // an anchor takes the careful path

    expect(fast.diagnostics).toEqual([]);
    expect((fast.documents[0]?.value as { v: unknown }).v).toEqual((precise.documents[0]?.value as { v: unknown }).v);
  });

  it("reads YAML 1.2 core: 0b101 and yes are strings, 0o17 and 0x1F are numbers", () => {
    const value = parseYamlFile("f.yaml", "a: 0b101\nb: yes\nc: 0o17\nd: 0x1F\ne: +0x1F\n").documents[0]?.value;
    expect(value).toEqual({ a: "0b101", b: "yes", c: 15, d: 31, e: "+0x1F" });
  });

  it.each([
    ["a trailing ---", `${GROUP("[u1]")}---\n`],
    ["a trailing --- without a line end", `${GROUP("[u1]")}---`],
    ["a leading and a trailing ---", `---\n${GROUP("[u1]")}---\n`],
    ["a document end marker", `${GROUP("[u1]")}...\n`],
    ["a trailing --- and a comment", `${GROUP("[u1]")}---\n# more to come\n`],
  ])("accepts %s", (_name, text) => {
    const run = load(text);
    expect(run).toMatchObject({ code: 0, stderr: "" });
  });
});

describe("look-alike keys are reported", () => {
  it.each([
    ["NFC and NFD", "Caf\u00e9", "Cafe\u0301"],
    ["full-width and ASCII", "SALES", "ＳＡＬＥＳ"],
    ["full-width digits", "1", "１"],
    ["a ligature", "office", "o\ufb03ce"],
  ])("item keys in %s form", (_name, a, b) => {
    const text = `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: att\nitems:\n  - punch_group_id: "${a}"\n    biz_inst_id: "1"\n  - punch_group_id: "${b}"\n    biz_inst_id: "2"\n`;

    expect(load(text).stderr).toMatch(/^g\.yaml:7:5 key: dingtalk\.PunchGroup key .* looks like .* \(g\.yaml:5:5\)/m);
  });

  it("mapping keys of one mapping (a full-width field name)", () => {
    expect(load(GROUP("[u1]\n    ｍｅｍｂｅｒｓ: [u2]")).stderr).toMatch(/^g\.yaml:8:5 items\[0\]\["ｍｅｍｂｅｒｓ"\]: looks like the key "members"/m);
  });

  it("across files of one target too", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgform-input-"));
    writeFileSync(join(dir, "t.yaml"), TARGET);
    writeFileSync(join(dir, "a.yaml"), GROUP("[u1]").replace('"1"\n    biz', '"Caf\u00e9"\n    biz'));
    writeFileSync(join(dir, "b.yaml"), GROUP("[u1]").replace('"1"\n    biz', '"Cafe\u0301"\n    biz').replace('biz_inst_id: "1"', 'biz_inst_id: "2"'));

    expect(() => loadManifests([dir], { env: ENV, cwd: dir })).toThrow(/1 problem/);
  });
});

import { describe, expect, it } from "vitest";
import { closest } from "../../src/manifest/suggest.js";
import { manifestDir } from "../helpers/orgform.js";
import { loadLikeCli } from "./in-process.js";

const ENV = { DT_URL: "http://127.0.0.1:1/dingtalk", DT_SECRET: "s3cret-value", XR_SECRET: "x-secret-1" };
const dingtalk = (name = "att", extra = "", endpoint = "${DT_URL}", appKey = "k") =>
  `apiVersion: orgform/v1\nkind: Target\nname: ${name}\ndriver: dingtalk\nendpoint: ${endpoint}\ncredentials:\n  appKey: ${appKey}\n  appSecret: \${DT_SECRET}\n${extra}`;
const xinrenxinshi = (extra = "") =>
  `apiVersion: orgform/v1\nkind: Target\nname: hr\ndriver: xinrenxinshi\nendpoint: http://127.0.0.1:1/x\ncredentials:\n  appKey: hr-app\n  appSecret: \${XR_SECRET}\n${extra}`;
const group = (target = "att") => `apiVersion: orgform/v1\nkind: dingtalk.PunchGroup\ntarget: ${target}\nitems:\n  - punch_group_id: "1"\n    biz_inst_id: "1"\n`;
const run = (files: Record<string, string>) => {
  const dir = manifestDir(files);
  return loadLikeCli([dir], { env: ENV, cwd: dir });
};

describe("policy keys must name a kind of the target's driver", () => {
  it.each([
    ["a misspelt kind", xinrenxinshi("policy:\n  default: { unmanaged: delete }\n  xinrenxinshi.Departmnt: { ignore: [SALES] }\n"), /^t\.yaml:11:3 policy\["xinrenxinshi\.Departmnt"\]: is not a known kind; did you mean xinrenxinshi\.Department\?$/m],
    ["a kind in the wrong case", xinrenxinshi("policy:\n  xinrenxinshi.department: { unmanaged: delete }\n"), /did you mean xinrenxinshi\.Department\?$/m],
    ["a kind of another driver", dingtalk("att", "policy:\n  xinrenxinshi.Department: { unmanaged: delete }\n"), /^t\.yaml:10:3 policy\["xinrenxinshi\.Department"\]: is a kind of driver xinrenxinshi, but this target uses driver dingtalk \(kinds of driver dingtalk: dingtalk\.PunchGroup\)$/m],
    ["the right name under the wrong driver prefix", xinrenxinshi("policy:\n  dingtalk.Department: { unmanaged: delete }\n"), /is not a known kind; did you mean xinrenxinshi\.Department\?$/m],
    ["a made-up kind", dingtalk("att", "policy:\n  dingtalk.Meeting: { unmanaged: delete }\n"), /is not a known kind \(kinds of driver dingtalk: dingtalk\.PunchGroup\)$/m],
  ])("%s is refused", (_name, target, expected) => {
    const result = run({ "t.yaml": target, "g.yaml": group() });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(expected);
  });

  it("accepts default and the driver's own kinds", () => {
    expect(run({ "t.yaml": dingtalk("att", "policy:\n  default: { maxDeleteCount: 5 }\n  dingtalk.PunchGroup: { maxObjectRemovePercent: 80, minObjectMembers: 20 }\n"), "g.yaml": group() }).code).toBe(0);
  });
});

describe("two targets of one tenant", () => {
  const DELETE = "policy:\n  default: { unmanaged: delete }\n";

  it.each([
    ["the first deletes unmanaged objects", DELETE, ""],
    ["the second deletes unmanaged objects", "", DELETE],
    ["one kind deletes unmanaged objects", "policy:\n  dingtalk.PunchGroup: { unmanaged: delete }\n", ""],
  ])("are refused when %s, naming both", (_name, first, second) => {
    const result = run({ "a.yaml": dingtalk("one", first), "b.yaml": dingtalk("two", second), "g.yaml": group("one") });

    expect(result.stderr).toMatch(/^b\.yaml:3:7 name: target "two" reaches the same tenant as target "one" \(a\.yaml:3:7\): same driver, endpoint and appKey/m);
  });

  it("are refused when the endpoints differ only in case or a trailing slash", () => {
    const result = run({ "a.yaml": dingtalk("one", DELETE, "http://Vendor.example/api"), "b.yaml": dingtalk("two", "", "http://vendor.example/api/"), "g.yaml": group("one") });

    expect(result.stderr).toMatch(/target "two" reaches the same tenant as target "one"/);
  });

  it.each([
    ["neither deletes", "", "", "${DT_URL}", "k"],
    ["the identity differs", DELETE, "", "${DT_URL}", "other-app"],
    ["the endpoint differs", DELETE, "", "http://127.0.0.1:2/dingtalk", "k"],
  ])("are accepted when %s", (_name, first, second, endpoint, appKey) => {
    expect(run({ "a.yaml": dingtalk("one", first), "b.yaml": dingtalk("two", second, endpoint, appKey), "g.yaml": group("one") }).code).toBe(0);
  });
});

describe("did you mean", () => {
  it.each([
    ["an item field", { "t.yaml": dingtalk(), "g.yaml": group().replace('biz_inst_id: "1"', 'biz_inst_id: "1"\n    member: [u1]') }, /^g\.yaml:7:5 items\[0\]\.member: is not a known field; did you mean members\?$/m],
    ["a Target field", { "t.yaml": dingtalk().replace("endpoint:", "endpiont:"), "g.yaml": group() }, /^t\.yaml:5:1 endpiont: is not a known field; did you mean endpoint\?$/m],
    ["a driver", { "t.yaml": dingtalk().replace("driver: dingtalk", "driver: DingTalk"), "g.yaml": group() }, /^t\.yaml:4:9 driver: must be one of .*; did you mean dingtalk\?$/m],
    ["a kind", { "t.yaml": dingtalk(), "g.yaml": group().replace("dingtalk.PunchGroup", "dingtalk.PunchGrp") }, /^g\.yaml:2:7 kind: unknown kind "dingtalk\.PunchGrp"; did you mean dingtalk\.PunchGroup\?$/m],
    ["a target", { "t.yaml": `${dingtalk("attendance")}---\n${dingtalk("payroll", "", "http://127.0.0.1:3/d")}`, "g.yaml": group("attendence") }, /^g\.yaml:3:9 target: unknown target "attendence"; did you mean attendance\?$/m],
    ["a target far from any name (the known ones listed)", { "t.yaml": `${dingtalk("attendance")}---\n${dingtalk("payroll", "", "http://127.0.0.1:3/d")}`, "g.yaml": group("xyz") }, /^g\.yaml:3:9 target: unknown target "xyz" \(known targets: attendance, payroll\)$/m],
  ])("%s", (_name, files, expected) => {
    expect(run(files).stderr).toMatch(expected);
  });

  it.each(["credential:", "endpoit:", "drivr:"])("a Target with a misspelt %s is reported once, not again as an unknown target", (typo) => {
    const field = typo.replace(/[^a-z]/g, "").slice(0, 4);
    const target = dingtalk().replace(new RegExp(`^${field}[a-z]*:`, "m"), typo);
    const result = run({ "t.yaml": target, "g.yaml": group(), "h.yaml": group().replace('"1"', '"2"').replace('"1"', '"2"') });

    expect(result.stderr).not.toMatch(/unknown target/);
    expect(result.stderr).toMatch(/is not a known field; did you mean/);
  });

  it("suggests only near words", () => {
    expect(closest("members", ["member_id", "biz_inst_id"])).toBeUndefined();
    expect(closest("Departmnt", ["Department", "Person"])).toBe("Department");
    expect(closest("colour", ["absent", "members"])).toBeUndefined();
  });
});

describe("did you mean, for look-alike spellings", () => {
  it("suggests the field a full-width spelling stands for", () => {
    expect(closest("ｍｅｍｂｅｒｓ", ["members", "biz_inst_id"])).toBe("members");
  });
});

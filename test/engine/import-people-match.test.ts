import { describe, expect, it } from "vitest";
import { emailKey, handleOf, mobileKey } from "../../src/engine/import-people-keys.js";
import { matchPeople } from "../../src/engine/import-people-match.js";
import type { Sighting } from "../../src/engine/import-people-sightings.js";

describe("what import --people compares and names", () => {
  it("compares emails without case or surrounding space, and mobiles by digits without +86", () => {
    expect(emailKey(" ZhangSan@Example.com ")).toBe("zhangsan@example.com");
    expect(emailKey("  ")).toBeUndefined();
    expect(mobileKey("+86 138-0000-0003")).toBe("13800000003");
    expect(mobileKey("0086 13800000003")).toBe("13800000003");
    expect(mobileKey("86-755-1234567")).toBe("867551234567");
    expect(mobileKey("135******78")).toBeUndefined();
  });

  it("makes handles from the characters a handle may hold", () => {
    expect(handleOf("zhang.san")).toBe("zhang.san");
    expect(handleOf("张三@zhangsan@I")).toBe("zhangsan@I");
    expect(handleOf("张三")).toBeUndefined();
  });

  it("gives a person no name, email or mobile the Person schema would refuse", () => {
    const long = "名".repeat(129);
    const sightings: Sighting[] = [{ target: "site", account: "p1", seen: "isdp.Person p1", record: true, name: long, email: "a@b@c", mobile: "1".repeat(33) }];
    expect(matchPeople(sightings).people).toEqual([{ handle: "p1", accounts: { site: "p1" }, seen: ["isdp.Person p1"], notes: [], suggested: [] }]);
  });

  it("keeps an id seen on the same target as a record out of the suggestions", () => {
    const sightings: Sighting[] = [
      { target: "site", account: "p1", seen: "isdp.Person p1", record: true, name: "张三" },
      { target: "site", account: "p1", seen: "x.List a members", record: false },
      { target: "forms", account: "p1", seen: "jiandaoyun.Role g/r members", record: false },
    ];
    const result = matchPeople(sightings);
    expect(result.unmatched).toEqual([]);
    expect(result.people[0]?.suggested).toEqual([{ target: "forms", account: "p1", why: "seen only as a member (jiandaoyun.Role g/r members); the id equals this person's handle" }]);
  });
});

import { describe, expect, it } from "vitest";
import { AccountKeys } from "../../src/manifest/org/account-keys.js";

function keys(accounts: [number, string][], expected = accounts.length): AccountKeys {
  const k = new AccountKeys(expected);
  for (const [target, id] of accounts) k.add(target, id);
  return k;
}

describe("account keys", () => {
  it("find no repeat among distinct ids, nor in one id on several targets", () => {
    const accounts: [number, string][] = [];
    for (let i = 0; i < 60_000; i++) for (const t of [0, 1, 2]) accounts.push([t, `S${String(i).padStart(7, "0")}`]);

    expect(keys(accounts).mayRepeat()).toBe(false);
    expect(keys([]).mayRepeat()).toBe(false);
  });

  it("find an id noted twice on one target, among many or among few, and however many times", () => {
    const many: [number, string][] = Array.from({ length: 50_000 }, (_, i) => [1, `u${i}`]);
    many.splice(31_337, 0, [1, "u12"]);

    expect(keys(many).mayRepeat()).toBe(true);
    expect(keys([[0, "a"], [1, "b"], [0, "a"]]).mayRepeat()).toBe(true);
    expect(keys(Array.from({ length: 100 }, () => [2, "same"])).mayRepeat()).toBe(true);
  });

  it("take more notes than it was sized for", () => {
    const accounts: [number, string][] = Array.from({ length: 1000 }, (_, i) => [0, `id${i % 999}`]);

    expect(keys(accounts, 1).mayRepeat()).toBe(true);
    expect(keys(accounts.slice(0, 999), 1).mayRepeat()).toBe(false);
  });
});

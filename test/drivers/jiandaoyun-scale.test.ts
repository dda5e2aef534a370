import { describe, expect, it } from "vitest";
import type { JiandaoyunSection } from "../../src/emulator/jiandaoyun/state.js";
import { applyDir, FAST_RETRY, planDir, type TestEmulator, useEmulator } from "../helpers/orgform.js";
import { API, company, ENV, group, manifests, role, usernames, users } from "./jiandaoyun-fixtures.js";

const emulators = useEmulator();
let emulator: TestEmulator;

const section = (e: TestEmulator) => e.vendor("jiandaoyun").getState() as JiandaoyunSection;
const throttled = (e: TestEmulator) => e.calls("jiandaoyun").filter((c) => c.code === 8303 || c.code === 8304);

/**
 * Live: `live` roles in group G (role_no 3000…). Desired: the first half renamed through their
 * pinned role_no, the other half absent, and `creates` new roles: one action each.
 */
function roleChurn(live: number, creates: number) {
  const half = live / 2;
  const state = company({ roleGroups: [group(10, "G")], roles: Array.from({ length: live }, (_, i) => role(3000 + i, 10, `old${i}`)) });
  const items = [
    ...Array.from({ length: half }, (_, i) => ({ name: `renamed${i}`, group: "G", role_no: 3000 + i })),
    ...Array.from({ length: live - half }, (_, i) => ({ name: `old${half + i}`, group: "G", absent: true })),
    ...Array.from({ length: creates }, (_, i) => ({ name: `new${i}`, group: "G" })),
  ];
  return { state, items };
}

describe("jiandaoyun at scale", () => {
  it("adds and removes 1 100 members in chunks of at most 100 usernames", async () => {
    // Eleven calls each way: more than the 10 member changes a second the vendor allows.
    const before = usernames(1100, "a");
    const after = usernames(1100, "b");
    emulator = await emulators.start(company({ users: users([...before, ...after]), roleGroups: [group(10, "G")], roles: [role(20, 10, "R", before)] }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members: after }] });

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.summary).toMatchObject({ update: 1, add: 1100, remove: 1100 });
    expect(results).toEqual([expect.objectContaining({ status: "done", calls: 22 })]);
    const body = (path: string) => emulator.calls("jiandaoyun").filter((c) => c.path === `${API}/role/${path}`).map((c) => c.body as { role_no: number; usernames: string[] });
    expect(body("add_members").map((b) => b.usernames.length)).toEqual(Array(11).fill(100));
    expect(body("remove_members").map((b) => b.usernames.length)).toEqual(Array(11).fill(100));
    expect(body("add_members").flatMap((b) => b.usernames)).toEqual(after);
    expect(body("remove_members").flatMap((b) => b.usernames)).toEqual(before);
    expect([...(section(emulator).roles[0]?.members ?? [])].sort()).toEqual(after);
    emulator.clearCalls();
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
    // One full page, then the empty page that ends the listing.
    expect(emulator.calls("jiandaoyun").filter((c) => c.path.endsWith("/role/user/list"))).toHaveLength(2);
  });

  it("pages role members past the 10 000 a page holds", async () => {
    const members = usernames(10_050);
    emulator = await emulators.start(company({ users: users(members), roleGroups: [group(10, "G")], roles: [role(20, 10, "R", members)] }));
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: [{ name: "R", group: "G", members }] });

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const pages = emulator.calls("jiandaoyun").filter((c) => c.path.endsWith("/role/user/list")).map((c) => c.body);
    // 50 after a page of 10 000 is the last page.
    expect(pages).toEqual([
      { role_no: 20, skip: 0, limit: 10_000 },
      { role_no: 20, skip: 10_000, limit: 10_000 },
    ]);
  });

  it("applies 95 role changes without a single 8303 or 8304", async () => {
    // 25 renames, 25 deletes and 45 creates, after reading 50 roles' members: each endpoint gets
    // more calls than its one-second quota (30 lists, 20 writes), and the company more than its 50.
    const { state, items } = roleChurn(50, 45);
    emulator = await emulators.start(state);
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: items });

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.summary).toMatchObject({ create: 45, update: 25, delete: 25 });
    expect(results.filter((r) => r.status !== "done")).toEqual([]);
    expect(throttled(emulator)).toEqual([]);
    const writes = emulator.calls("jiandaoyun").filter((c) => !c.path.endsWith("/list"));
    expect(writes).toHaveLength(95);
    expect(writes.every((c) => c.status === 200)).toBe(true);
    expect(section(emulator).roles).toHaveLength(70);
  });

  it("retries 8303 when the company's quota is below the published one, and converges", async () => {
    // 12 writes against a quota of 8 a second: orgform paces at the published 50 and is refused.
    const { state, items } = roleChurn(6, 6);
    emulator = await emulators.start({ jiandaoyun: { ...state.jiandaoyun, limits: { company: 8 } } });
    const dir = manifests(emulator.url, { groups: [{ name: "G" }], roles: items });

    const { results } = await applyDir(dir, ENV, { ...FAST_RETRY, rateLimitedMs: 1000 });

    expect(results.filter((r) => r.status !== "done")).toEqual([]);
    expect(throttled(emulator).map((c) => c.code)).toContain(8303);
    const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect(section(emulator).roles.map((r) => r.name).sort()).toEqual([...names("renamed", 3), ...names("new", 6)].sort());
  });
});

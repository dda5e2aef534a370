import { describe, expect, it } from "vitest";
import { applyDir, planDir, useEmulator } from "../helpers/orgform.js";
import { operationsFor } from "../../src/engine/operations.js";
import { codes, ENV, siteDir, storedPersons, tenant } from "./isdp-tenant.js";

const ADD = "/openapi/v1/person/batchAdd";
const UPDATE_HW = "/openapi/v1/person/batchUpdatePerson";
const UPDATE_PLAIN = "/openapi/v1/person/batchUpdate";
const LIST = "/openapi/v1/person/getPersonList";

const emu = useEmulator();

/**
 * Where batchAdd stores a new person is not documented: as `<code>@hw` (the code
 * batchUpdatePerson updates) or as sent (as the vendor's list examples show codes). The driver
 * must create, re-plan, update and re-plan to nothing either way.
 */
describe.each([
  ["suffixed", (c: string) => `${c}@hw`, UPDATE_HW],
  ["asSent", (c: string) => c, UPDATE_PLAIN],
] as const)("when batchAdd stores persons %s", (form, stored, updatePath) => {
  it("creates, plans nothing, updates through the call that reaches the stored code, then plans nothing", async () => {
    const emulator = await emu.start(tenant([], { batchAddStores: form }));
    const people = (name: (c: string) => string) => codes(3).map((c) => ({ personCode: c, personName: name(c), personType: "Employee", orgNo: "hq", roleNo: ["worker"] }));
    const before = siteDir(emulator.url, people((c) => `Name ${c}`));

    const created = await applyDir(before, ENV);

    expect(created.results.map((r) => [r.key, r.op, r.status])).toEqual(codes(3).map((c) => [c, "create", "done"]));
    // A create is never sent twice blindly when its answer is lost.
    expect(operationsFor(created.session.plan, created.session.state).flatMap((o) => o.requests).map((r) => [r.path, r.retrySafe])).toEqual([[ADD, false]]);
    expect(storedPersons(emulator.vendor("isdp").getState()).map((p) => p.personCode)).toEqual(codes(3).map(stored));
    expect((await planDir(before, ENV)).plan.actions).toEqual([]);

    const after = siteDir(emulator.url, people((c) => `Renamed ${c}`));
    emulator.clearCalls();
    const updated = await applyDir(after, ENV);

    expect(updated.results.map((r) => [r.key, r.op, r.status])).toEqual(codes(3).map((c) => [c, "update", "done"]));
    const writes = emulator.calls("isdp").filter((c) => c.path !== LIST && !c.path.startsWith("/oauth2"));
    expect(writes.map((c) => [c.path, c.code])).toEqual([[updatePath, "success"]]);
    expect(storedPersons(emulator.vendor("isdp").getState()).map((p) => [p.personCode, p["personName"]])).toEqual(codes(3).map((c) => [stored(c), `Renamed ${c}`]));
    expect((await planDir(after, ENV)).plan.actions).toEqual([]);
  });
});

describe("reading persons", () => {
  it("reads every person when the vendor serves fewer rows per page than asked, by its totalCount", async () => {
    const persons = codes(250).map((c) => ({ personCode: `${c}@hw`, personName: c }));
    const emulator = await emu.start(tenant(persons, { limits: { page: 70 } }));
    const dir = siteDir(emulator.url, codes(250).map((c) => ({ personCode: c, personName: c })));

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const starts = emulator.calls("isdp").filter((c) => c.path === LIST).map((c) => (c.body as { page: { start: number; count: number } }).page);
    expect(starts.map((p) => p.start).sort((a, b) => a - b)).toEqual([0, 70, 140, 210]);
    expect(starts.every((p) => p.count === 200)).toBe(true);
  });

  it("reads on until an empty page when the vendor gives no total", async () => {
    const persons = codes(150).map((c) => ({ personCode: `${c}@hw`, personName: c }));
    const emulator = await emu.start(tenant(persons, { limits: { page: 70, omitTotal: true } }));
    const dir = siteDir(emulator.url, codes(150).map((c) => ({ personCode: c, personName: c })));

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const starts = emulator.calls("isdp").filter((c) => c.path === LIST).map((c) => (c.body as { page: { start: number } }).page.start);
    expect(starts).toEqual([0, 70, 140, 150]);
  });

  it("reads a person stored both as x and as x@hw as one key it will not change", async () => {
    const emulator = await emu.start(tenant([{ personCode: "twin", personName: "Console" }, { personCode: "twin@hw", personName: "Open API" }]));
    const dir = siteDir(emulator.url, [{ personCode: "twin", personName: "Renamed" }]);

    const session = await planDir(dir, ENV);

    expect(session.problems.map((p) => p.message)).toEqual([expect.stringContaining("both twin and twin@hw are stored")]);
  });
});

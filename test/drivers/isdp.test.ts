import { describe, expect, it } from "vitest";
import { ManifestError } from "../../src/model/errors.js";
import { applyDir, planDir, useEmulator } from "../helpers/orgform.js";
import { codes, ENV, siteDir, storedPersons, tenant } from "./isdp-tenant.js";

const ADD = "/openapi/v1/person/batchAdd";
const UPDATE = "/openapi/v1/person/batchUpdatePerson";
const LIST = "/openapi/v1/person/getPersonList";
const DEREGISTER = "/openapi/v1/person/batchDeregisterPerson";
const PLAIN_UPDATE = "/openapi/v1/person/batchUpdate";

const emu = useEmulator();

const bodyOf = (c: { body: unknown }) => c.body as { personList: Record<string, unknown>[] };

describe("isdp.Person over HTTP", () => {
  it("adds 250 persons in exactly 3 batchAdd calls, stored under <code>@hw, then plans no changes", async () => {
    const emulator = await emu.start(tenant([]));
    const dir = siteDir(emulator.url, codes(250).map((c) => ({ personCode: c, personName: `Name ${c}`, personType: "Employee" })));

    const { results } = await applyDir(dir, ENV);

    const adds = emulator.calls("isdp").filter((c) => c.path === ADD);
    // Independent batches run concurrently, so they may arrive in any order.
    expect(adds.map((c) => bodyOf(c).personList.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    const rows = adds.flatMap((c) => bodyOf(c).personList);
    expect(rows.find((r) => r["personCode"] === "p0000")).toEqual({ personCode: "p0000", personName: "Name p0000", personType: "Employee" });
    expect(new Set(rows.map((r) => r["personCode"])).size).toBe(250);
    expect(results.filter((r) => r.status === "done")).toHaveLength(250);
    const stored = storedPersons(emulator.vendor("isdp").getState());
    expect(stored).toHaveLength(250);
    expect(stored.every((p) => /^p\d{4}@hw$/.test(p.personCode))).toBe(true);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("updates 250 persons in exactly 3 batchUpdatePerson calls that carry only the changed fields", async () => {
    const before = codes(250).map((c) => ({ personCode: `${c}@hw`, personName: `Old ${c}`, email: `${c}@example.com`, personStatus: "OpenAccount" }));
    const emulator = await emu.start(tenant(before));
    const dir = siteDir(emulator.url, codes(250).map((c) => ({ personCode: c, personName: `New ${c}`, email: `${c}@example.com` })));

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.summary).toMatchObject({ create: 0, update: 250, delete: 0 });
    const updates = emulator.calls("isdp").filter((c) => c.path === UPDATE);
    expect(updates.map((c) => bodyOf(c).personList.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    // The code goes out without the suffix: ISDP appends @hw itself.
    const rows = updates.flatMap((c) => bodyOf(c).personList);
    expect(rows.find((r) => r["personCode"] === "p0249")).toEqual({ personCode: "p0249", personName: "New p0249" });
    expect(results.every((r) => r.status === "done")).toBe(true);
    expect(storedPersons(emulator.vendor("isdp").getState()).find((p) => p.personCode === "p0249@hw")).toMatchObject({ personName: "New p0249" });
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("reads 450 persons in 3 pages of up to 200, leaving deregistered (Cancel) persons out", async () => {
    const active = codes(450).map((c) => ({ personCode: `${c}@hw`, personName: c, personStatus: "OpenAccount" }));
    const cancelled = codes(5, "gone").map((c) => ({ personCode: `${c}@hw`, personName: c, personStatus: "Cancel" }));
    const emulator = await emu.start(tenant([...active, ...cancelled]));
    const dir = siteDir(emulator.url, codes(450).map((c) => ({ personCode: c, personName: c })));

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const pages = emulator.calls("isdp").filter((c) => c.path === LIST).map((c) => c.body as { page: { start: number; count: number }; personStatus: string });
    expect(pages.map((p) => p.page)).toEqual([
      { start: 0, count: 200 },
      { start: 200, count: 200 },
      { start: 400, count: 200 },
    ]);
    expect(pages[0]?.personStatus.split(";")).not.toContain("Cancel");
  });

  it("creates a person whose only record is deregistered, since Cancel counts as absent", async () => {
    const emulator = await emu.start(tenant([{ personCode: "w001@hw", personId: 5000101, personName: "Wang", personStatus: "Cancel" }]));
    const dir = siteDir(emulator.url, [{ personCode: "w001", personName: "Wang" }]);

    const { session, results } = await applyDir(dir, ENV);

    expect(session.plan.actions.map((a) => [a.key, a.op])).toEqual([["w001", "create"]]);
    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(storedPersons(emulator.vendor("isdp").getState())).toEqual([expect.objectContaining({ personCode: "w001@hw", personId: 5000101, personStatus: "NoAccountOpened" })]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("deregisters an absent person by its stored code; the Cancel person then plans no changes", async () => {
    const emulator = await emu.start(tenant([{ personCode: "z001@hw", personName: "Zhao", personStatus: "OpenAccount" }, { personCode: "z002@hw", personName: "Zhou" }]));
    const dir = siteDir(emulator.url, [{ personCode: "z001", absent: true }, { personCode: "z002", personName: "Zhou" }]);

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => [r.key, r.op, r.status])).toEqual([["z001", "delete", "done"]]);
    expect(emulator.calls("isdp").filter((c) => c.path === DEREGISTER).map((c) => c.body)).toEqual([{ personList: ["z001@hw"] }]);
    expect(storedPersons(emulator.vendor("isdp").getState()).map((p) => [p.personCode, p.personStatus])).toEqual([
      ["z001@hw", "Cancel"],
      ["z002@hw", undefined],
    ]);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("with unmanaged: delete, deregisters every omitted person in one call by its stored code, and never reads a smart device", async () => {
    const emulator = await emu.start(
      tenant([{ personCode: "keep@hw" }, { personCode: "extra@hw" }, { personCode: "console-made" }, { personCode: "gate-cam-01", isSmartDevice: "Y" }]),
    );
    const dir = siteDir(emulator.url, [{ personCode: "keep" }], { target: { policy: { "isdp.Person": { unmanaged: "delete" } } } });

    const { session } = await applyDir(dir, ENV);

    expect(session.plan.actions.map((a) => [a.key, a.op]).sort()).toEqual([
      ["console-made", "delete"],
      ["extra", "delete"],
    ]);
    const deregisters = emulator.calls("isdp").filter((c) => c.path === DEREGISTER);
    expect(deregisters.map((c) => (c.body as { personList: string[] }).personList.sort())).toEqual([["console-made", "extra@hw"]]);
    expect(emulator.calls("isdp").filter((c) => c.path === LIST).every((c) => (c.body as { isSmartDevice?: string }).isSmartDevice === "N")).toBe(true);
    expect(storedPersons(emulator.vendor("isdp").getState()).find((p) => p.personCode === "gate-cam-01")?.personStatus).toBeUndefined();
  });

  it("updates a person stored without @hw through person/batchUpdate, with the name, type, status and organisation it needs", async () => {
    const emulator = await emu.start(
      tenant([{ personCode: "console-made", personName: "Admin", personType: "Employee", orgNo: "hq", personStatus: "OpenAccount", roleNo: "worker" }]),
    );
    const dir = siteDir(emulator.url, [{ personCode: "console-made", personName: "Administrator", roleNo: ["worker", "lead"] }]);

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(emulator.calls("isdp").filter((c) => c.path === PLAIN_UPDATE).map((c) => c.body)).toEqual([
      { personList: [{ orgNo: "hq", personCode: "console-made", personName: "Administrator", personStatus: "OpenAccount", personType: "Employee", roleNo: "worker,lead" }] },
    ]);
    expect(emulator.calls("isdp").some((c) => c.path === UPDATE)).toBe(false);
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("refuses, at plan time, changes person/batchUpdate cannot make to a person stored without @hw", async () => {
    const emulator = await emu.start(tenant([{ personCode: "console-made", personName: "Admin", personType: "Employee" }]));
    const dir = siteDir(emulator.url, [{ personCode: "console-made", personName: "Administrator", blackList: 1, roleNo: ["a", "b", "c", "d", "e", "f"] }]);

    const session = await planDir(dir, ENV);

    expect(session.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("that call cannot set blackList"),
      expect.stringContaining("needs orgNo on every update"),
      expect.stringContaining("at most 5 role codes"),
    ]);
  });

  it("refuses a smart-device person in the manifest, since orgform never reads devices", async () => {
    const emulator = await emu.start(tenant([]));
    const dir = siteDir(emulator.url, [{ personCode: "gate-cam-02", isSmartDevice: "Y" }]);

    const session = await planDir(dir, ENV);

    expect(session.problems.map((p) => p.message)).toEqual([expect.stringContaining("isSmartDevice Y")]);
  });

  it("refuses a manifest code that already ends in @hw, before any call", async () => {
    const emulator = await emu.start(tenant([]));
    const dir = siteDir(emulator.url, [{ personCode: "h1@hw", personName: "One" }]);

    const failure = await planDir(dir, ENV).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ManifestError);
    expect((failure as ManifestError).diagnostics.map((d) => d.path)).toEqual(["items[0].personCode"]);
    expect(emulator.calls()).toEqual([]);
  });

  it("compares a phone through the vendor's mask and lists of codes as sets", async () => {
    const emulator = await emu.start(tenant([{ personCode: "m001@hw", phone: "13572003278", roleNo: "b,a", positionCode: "x" }]));
    const same = siteDir(emulator.url, [{ personCode: "m001", phone: "13572003278", roleNo: ["a", "b"], positionCode: "x" }]);
    const changed = siteDir(emulator.url, [{ personCode: "m001", phone: "13672003278", roleNo: "a,b,c", positionCode: "x" }]);

    const unchanged = await planDir(same, ENV);
    const different = await planDir(changed, ENV);

    expect(unchanged.plan.actions).toEqual([]);
    expect(different.plan.actions[0]?.changes.map((c) => c.field)).toEqual(["phone", "roleNo"]);
  });

});

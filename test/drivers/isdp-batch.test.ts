import { describe, expect, it } from "vitest";
import { person } from "../../src/drivers/isdp/kinds/person.js";
import { fetchContext } from "../../src/engine/fetch.js";
import type { Action } from "../../src/model/plan.js";
import { applyDir, planDir, useEmulator, applySession } from "../helpers/orgform.js";
import { codes, ENV, siteDir, storedPersons, tenant } from "./isdp-tenant.js";

const ADD = "/openapi/v1/person/batchAdd";
const LIST = "/openapi/v1/person/getPersonList";
const DEREGISTER = "/openapi/v1/person/batchDeregisterPerson";

const emu = useEmulator();

describe("isdp.Person batches", () => {
  it("fails a whole batch over one invalid row and reports per person what was and was not applied", async () => {
    const emulator = await emu.start(tenant([], { catalog: { roleNo: ["worker", "lead"] } }));
    const items = codes(150).map((c) => ({ personCode: c, personName: c, roleNo: c === "p0120" ? "ghost-role" : "worker" }));
    const dir = siteDir(emulator.url, items);

    const { results } = await applyDir(dir, ENV);

    // p0000..p0099 go in one batch, p0100..p0149 (holding the bad row) in the other.
    const byKey = new Map(results.map((r) => [r.key, r]));
    expect(codes(100).every((c) => byKey.get(c)?.status === "done")).toBe(true);
    for (const c of codes(50, "p", 100)) {
      expect(byKey.get(c)).toMatchObject({ status: "failed", code: "failed", message: "personCode p0120: roleNo ghost-role does not exist" });
    }
    // After the failure the driver read those 50 persons back before saying so.
    const lists = emulator.calls("isdp").filter((c) => c.path === LIST).map((c) => c.body as { personCodeList?: string[] });
    // Under both forms a person may be stored in.
    expect(lists.at(-1)?.personCodeList).toEqual(codes(50, "p", 100).flatMap((c) => [c, `${c}@hw`]));
    expect(storedPersons(emulator.vendor("isdp").getState())).toHaveLength(100);
    // Running plan again shows exactly what is left.
    const again = await planDir(dir, ENV);
    expect(again.plan.actions.map((a) => a.key)).toEqual(codes(50, "p", 100));
  });

  it("settles a failed batch by re-reading: only persons that hold every value set count as applied", async () => {
    const emulator = await emu.start(
      tenant([
        { personCode: "a001@hw", personName: "Applied", email: "a@example.com" },
        { personCode: "b001@hw", personName: "Old name" },
        { personCode: "c001@hw", personName: "Half", reason: "old reason" },
      ]),
    );
    const session = await planDir(siteDir(emulator.url, []), ENV);
    const ctx = fetchContext(session.state.connections.get("site")!);
    const update = (key: string, changes: Action["changes"]): Action => ({ id: `site/isdp.Person/${key}`, target: "site", kind: "isdp.Person", key, op: "update", changes, dependsOn: [] });
    const create = (key: string): Action => ({ id: `site/isdp.Person/${key}`, target: "site", kind: "isdp.Person", key, op: "create", changes: [{ field: "personName", before: null, after: key }], dependsOn: [] });

    const applied = await person.settleFailedBatch!(
      [
        update("a001", [{ field: "personName", before: "x", after: "Applied" }, { field: "email", before: null, after: "a@example.com" }]),
        update("b001", [{ field: "personName", before: "Old name", after: "New name" }]),
        update("c001", [{ field: "personName", before: "x", after: "Half" }, { field: "reason", before: "old reason", after: "new reason" }]),
        create("d001"),
      ],
      ctx,
    );

    // a001's email is not listed by getPersonList, so only its name can be (and is) confirmed.
    expect([...applied]).toEqual(["site/isdp.Person/a001"]);
  });

  it("deregisters 150 persons in two batchDeregisterPerson calls of at most 100 stored codes", async () => {
    const emulator = await emu.start(tenant(codes(150).map((c) => ({ personCode: `${c}@hw`, personName: c }))));
    const dir = siteDir(emulator.url, codes(150).map((c) => ({ personCode: c, absent: true })));

    const { results } = await applyDir(dir, ENV);

    expect(results.every((r) => r.status === "done")).toBe(true);
    const batches = emulator.calls("isdp").filter((c) => c.path === DEREGISTER).map((c) => (c.body as { personList: string[] }).personList);
    expect(batches.map((b) => b.length).sort((a, b) => b - a)).toEqual([100, 50]);
    expect(batches.flat().sort()).toEqual(codes(150).map((c) => `${c}@hw`));
    expect((await planDir(dir, ENV)).plan.actions).toEqual([]);
  });

  it("after a failed deregister batch, reports per person: one deregistered meanwhile is done, the other failed", async () => {
    const emulator = await emu.start(tenant([{ personCode: "d001@hw" }, { personCode: "d002" }]));
    const dir = siteDir(emulator.url, [{ personCode: "d001", absent: true }, { personCode: "d002", absent: true }]);
    const session = await planDir(dir, ENV);
    // Someone deregisters d002 in the console between plan and apply: the whole batch is refused.
    const state = emulator.vendor("isdp").getState() as { persons: { personCode: string; personStatus?: string }[] };
    state.persons[1]!.personStatus = "Cancel";

    const results = await applySession(session);

    expect(results.map((r) => [r.key, r.status]).sort()).toEqual([
      ["d001", "failed"],
      ["d002", "done"],
    ]);
    expect(results.find((r) => r.key === "d001")?.message).toContain("d002 does not exist or is already deregistered");
  });

  it("refreshes a token that expires in the middle of an apply and repeats only the refused call", async () => {
    const emulator = await emu.start(tenant([], { tokenTtlSeconds: 359 }));
    const dir = siteDir(emulator.url, codes(250).map((c) => ({ personCode: c, personName: c })), { target: { limits: { requestsPerSecond: 200, concurrency: 1 } } });
    const session = await planDir(dir, ENV);
    emulator.clearCalls();
    let expired = false;

    const results = await applySession(session, {
      onResult: () => {
        if (expired) return;
        expired = true; // the first batch is done: every token issued so far stops working
        emulator.vendor("isdp").expireTokens();
      },
    });

    expect(results.every((r) => r.status === "done")).toBe(true);
    const calls = emulator.calls("isdp").map((c) => [c.path, c.code]);
    expect(calls[0]).toEqual([ADD, "success"]);
    // Calls already queued with the old token are refused too; each refreshes once and repeats.
    const refused = calls.filter(([, code]) => code === "invalid_token");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every(([path]) => path === ADD)).toBe(true);
    const firstRefusal = calls.findIndex(([, code]) => code === "invalid_token");
    expect(calls.slice(firstRefusal).some(([path, code]) => path === "/oauth2/oauth/rest_token" && code === 200)).toBe(true);
    expect(calls.every(([path, code]) => code === "success" || code === "invalid_token" || path === "/oauth2/oauth/rest_token")).toBe(true);
    expect(calls.filter(([path, code]) => path === ADD && code === "success")).toHaveLength(3);
    expect(storedPersons(emulator.vendor("isdp").getState())).toHaveLength(250);
  });
});

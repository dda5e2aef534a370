import { codes, ENV, siteDir, tenant } from "../../drivers/isdp-tenant.js";
import type { Scenario } from "./scenario.js";

const KIND = "isdp.Person";
const ADD = "/openapi/v1/person/batchAdd";
const UPDATE = "/openapi/v1/person/batchUpdatePerson";
const DEREGISTER = "/openapi/v1/person/batchDeregisterPerson";

/**
 * Persons have no members and no renames; ISDP writes creates, updates and deregistrations in
 * batches of 100. Live: 800 open-API persons and 5 made in the console.
 * Desired: 500 updated (five batches), 150 deregistered, 50 left as they are, 100 not named
 * (ignored), and 400 new persons (four batches). The console persons are never named.
 */
const live = [
  ...codes(800).map((c) => ({ personCode: `${c}@hw`, personName: `Old ${c}`, email: `${c}@example.com`, roleNo: "worker", personStatus: "OpenAccount" })),
  ...codes(5, "console").map((c) => ({ personCode: c, personName: c })),
];

function items(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [i, c] of codes(800).entries()) {
    if (i < 500) out.push({ personCode: c, personName: `New ${c}`, roleNo: i % 2 ? ["worker", "lead"] : ["lead"], ...(i % 3 ? {} : { description: "moved" }) });
    else if (i < 650) out.push({ personCode: c, absent: true });
    else if (i < 700) out.push({ personCode: c, personName: `Old ${c}`, email: `${c}@example.com` });
  }
  for (const c of codes(400, "n")) out.push({ personCode: c, personName: `Name ${c}`, personType: "Employee", roleNo: "worker" });
  return out;
}

const rows = (body: unknown) => ((body as { personList?: { personCode: string }[] }).personList ?? []).map((r) => r.personCode);

export const isdpScenario: Scenario = {
  driver: "isdp",
  state: tenant(live),
  env: ENV,
  // ISDP publishes no quota; this site allows 200 calls a second.
  manifests: (url) => siteDir(url, items(), { target: { limits: { requestsPerSecond: 200 } } }),

  identity: (r) => String(r.ids["personCode"]),

  touches(call) {
    if (call.path === ADD) return rows(call.body).map((key) => ({ kind: KIND, op: "create" as const, key }));
    if (call.path === UPDATE) return rows(call.body).map((key) => ({ kind: KIND, op: "update" as const, key }));
    if (call.path === DEREGISTER) return ((call.body as { personList?: string[] }).personList ?? []).map((code) => ({ kind: KIND, op: "delete" as const, identity: code }));
    return [];
  },
};

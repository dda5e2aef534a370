import { codes, ENV, siteDir, tenant } from "../../drivers/isdp-tenant.js";
import { TOKEN_PATH } from "../../../src/drivers/isdp/api.js";
import type { Scenario } from "./scenario.js";

const KIND = "isdp.Person";
const ADD = "/openapi/v1/person/batchAdd";
const UPDATE_HW = "/openapi/v1/person/batchUpdatePerson";
const UPDATE_PLAIN = "/openapi/v1/person/batchUpdate";
const DEREGISTER = "/openapi/v1/person/batchDeregisterPerson";

/**
 * Persons have no members and no renames; ISDP writes creates, updates and deregistrations in
 * batches of 100. Live: 1000 persons stored as `<code>@hw`, 60 stored as sent (updated through
 * person/batchUpdate), 5 smart devices. Desired: 700 of the first updated (seven batches), 200
 * deregistered, 50 left as they are, 50 not named (ignored), the 60 others updated, and 500 new
 * persons (five batches). Devices are never read, so never touched.
 */
const live = [
  ...codes(1000).map((c) => ({ personCode: `${c}@hw`, personName: `Old ${c}`, roleNo: "worker", personStatus: "OpenAccount" })),
  ...codes(60, "plain").map((c) => ({ personCode: c, personName: `Old ${c}`, personType: "Employee", orgNo: "hq", personStatus: "OpenAccount" })),
  ...codes(5, "cam").map((c) => ({ personCode: c, personName: c, isSmartDevice: "Y" })),
];

function items(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [i, c] of codes(1000).entries()) {
    if (i < 700) out.push({ personCode: c, personName: `New ${c}`, roleNo: i % 2 ? ["worker", "lead"] : ["lead"], ...(i % 3 ? {} : { reason: "moved" }) });
    else if (i < 900) out.push({ personCode: c, absent: true });
    else if (i < 950) out.push({ personCode: c, personName: `Old ${c}`, roleNo: "worker" });
  }
  for (const c of codes(60, "plain")) out.push({ personCode: c, personName: `New ${c}`, roleNo: "worker" });
  for (const c of codes(500, "n")) out.push({ personCode: c, personName: `Name ${c}`, personType: "Employee", roleNo: "worker" });
  return out;
}

const rows = (body: unknown) => ((body as { personList?: { personCode: string }[] }).personList ?? []).map((r) => r.personCode);

export const isdpScenario: Scenario = {
  driver: "isdp",
  state: tenant(live),
  env: ENV,
  wrongSecret: { variable: "ISDP_APP_TOKEN", code: "invalid_grant" },
  small: {
    state: tenant([{ personCode: "a1@hw", personName: "Old", roleNo: "worker", personStatus: "OpenAccount" }]),
    env: ENV,
    manifests: (url) => siteDir(url, [{ personCode: "a1", personName: "New" }, { personCode: "a2", personName: "Added", personType: "Employee", roleNo: "worker" }]),
  },
  rateLimits: true,
  token: { path: TOKEN_PATH, lapsedCode: "invalid_token" },
  // ISDP publishes no quota; this site allows 200 calls a second. One call at a time keeps the
  // order of calls, and so which call meets which injected fault, the same on every run.
  manifests: (url) => siteDir(url, items(), { target: { limits: { requestsPerSecond: 200, concurrency: 1 } } }),

  identity: (r) => String(r.ids["personCode"]),

  touches(call) {
    if (call.path === ADD) return rows(call.body).map((key) => ({ kind: KIND, op: "create" as const, key }));
    // batchUpdatePerson is sent keys (it appends @hw); person/batchUpdate the stored codes.
    if (call.path === UPDATE_HW) return rows(call.body).map((key) => ({ kind: KIND, op: "update" as const, key }));
    if (call.path === UPDATE_PLAIN) return rows(call.body).map((identity) => ({ kind: KIND, op: "update" as const, identity }));
    if (call.path === DEREGISTER) return ((call.body as { personList?: string[] }).personList ?? []).map((identity) => ({ kind: KIND, op: "delete" as const, identity }));
    return [];
  },
};

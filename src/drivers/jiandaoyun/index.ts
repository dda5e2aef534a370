import type { Driver } from "../driver.js";
import { COMPANY_RATE, ENDPOINT_RATES } from "./api.js";
import { checkJiandaoyun } from "./check.js";
import { JiandaoyunClient } from "./client.js";
import { jiandaoyunDoctor } from "./doctor.js";
import { fetchJiandaoyun } from "./fetch.js";
import { role } from "./kinds/role.js";
import { roleGroup } from "./kinds/role-group.js";

/** Jiandaoyun open API v5, contacts: self-built role groups, roles and role members. */
export const jiandaoyun: Driver = {
  name: "jiandaoyun",
  title: "Jiandaoyun open API v5 (contacts: roles)",
  defaultEndpoint: "https://api.jiandaoyun.com",
  credentials: { fields: ["apiKey"], secrets: ["apiKey"], required: [["apiKey"]] },
  // Published quotas: 50 calls/s per company, and per endpoint 30 (lists), 20 (writes), 10 (member changes).
  limits: { requestsPerSecond: COMPANY_RATE, concurrency: 10, buckets: { ...ENDPOINT_RATES } },
  kinds: [roleGroup, role],
  doctor: jiandaoyunDoctor,
  createClient: ({ endpoint, credentials }) => new JiandaoyunClient(endpoint, credentials["apiKey"] ?? ""),
  fetch: fetchJiandaoyun,
  check: checkJiandaoyun,
};

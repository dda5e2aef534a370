import type { Driver } from "../driver.js";
import { checkUnits } from "./check.js";
import { LOGIN_PATH, O2oaClient, SSO_PATH } from "./client.js";
import { fetchUnits } from "./fetch.js";
import { SYNC_PATH } from "./kinds/unit-body.js";
import { unit } from "./kinds/unit.js";

/** O2OA organisation service: units with their attributes and duties. */
export const o2oa: Driver = {
  name: "o2oa",
  title: "O2OA organisation service",
  // O2OA is installed on the customer's own servers: there is no public URL, set `endpoint`.
  defaultEndpoint: "http://127.0.0.1",
  credentials: {
    fields: ["credential", "password", "client", "key"],
    secrets: ["password", "key"],
    // SSO logs in as a person too: `credential` names that person in both cases.
    required: [
      ["credential", "password"],
      ["credential", "client", "key"],
    ],
  },
  // O2OA publishes no rate limits; the server runs each sync script synchronously.
  limits: {
    requestsPerSecond: 10,
    concurrency: 4,
    buckets: { [SYNC_PATH]: 5, [LOGIN_PATH]: 1, [SSO_PATH]: 1 },
  },
  kinds: [unit],
  createClient: ({ endpoint, credentials }) =>
    new O2oaClient(endpoint, {
      credential: credentials["credential"] ?? "",
      password: credentials["password"],
      client: credentials["client"],
      key: credentials["key"],
    }),
  fetch: fetchUnits,
  check: checkUnits,
};

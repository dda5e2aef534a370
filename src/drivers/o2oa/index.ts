import type { Driver } from "../driver.js";
import { checkUnits } from "./check.js";
import { LOGIN_PATH, SSO_PATH, SYNC_PATH } from "./api.js";
import { O2oaClient } from "./client.js";
import { doctor } from "./doctor.js";
import { fetchUnits } from "./fetch.js";
import { unit } from "./kinds/unit.js";

/** O2OA organisation service: units with their attributes and duties. */
export const o2oa: Driver = {
  name: "o2oa",
  title: "O2OA organisation service",
  // O2OA is installed on the customer's own servers: there is no public URL, set `endpoint`.
  defaultEndpoint: "http://127.0.0.1",
  credentials: {
    // encryptType and tokenName are server settings (person.encryptType, person.tokenName), not secrets.
    fields: ["credential", "password", "client", "key", "encryptType", "tokenName"],
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
      encryptType: credentials["encryptType"],
      tokenName: credentials["tokenName"],
    }),
  fetch: fetchUnits,
  check: checkUnits,
  doctor,
};

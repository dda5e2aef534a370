import type { Driver } from "../driver.js";
import { IsdpClient, TOKEN_PATH } from "./client.js";
import { fetchPersons } from "./fetch.js";
import { person } from "./kinds/person.js";

/** Huawei ISDP OpenAPI: persons, created and updated in batches of 100. */
export const isdp: Driver = {
  name: "isdp",
  title: "Huawei ISDP OpenAPI",
  defaultEndpoint: "https://isdpcloud.huawei.com",
  credentials: { fields: ["clientId", "username", "password"], secrets: ["password"], required: [["clientId", "username", "password"]] },
  // ISDP publishes no quota for these APIs (vendor notes 1.7): a prudent pace that a Target
  // may raise, backing off when the gateway answers 429.
  limits: { requestsPerSecond: 5, concurrency: 4, buckets: { [TOKEN_PATH]: 1 } },
  kinds: [person],
  createClient: ({ endpoint, credentials }) =>
    new IsdpClient(endpoint, {
      clientId: credentials["clientId"] ?? "",
      username: credentials["username"] ?? "",
      password: credentials["password"] ?? "",
    }),
  fetch: fetchPersons,
};

import type { Driver } from "../driver.js";
import { CONCURRENCY, REQUESTS_PER_SECOND, TOKEN_PATH } from "./api.js";
import { checkPersons } from "./check.js";
import { IsdpClient } from "./client.js";
import { isdpDoctor } from "./doctor.js";
import { fetchPersons } from "./fetch.js";
import { person } from "./kinds/person.js";

/** Huawei ISDP OpenAPI: persons, created, updated and deregistered in batches of 100. */
export const isdp: Driver = {
  name: "isdp",
  title: "Huawei ISDP OpenAPI",
  defaultEndpoint: "https://isdpcloud.huawei.com",
  credentials: { fields: ["clientId", "username", "password"], secrets: ["password"], required: [["clientId", "username", "password"]] },
  // A Target may raise this pace; the gateway's HTTP 429 makes orgform back off.
  limits: { requestsPerSecond: REQUESTS_PER_SECOND, concurrency: CONCURRENCY, buckets: { [TOKEN_PATH]: 1 } },
  kinds: [person],
  doctor: isdpDoctor,
  createClient: ({ endpoint, credentials }) =>
    new IsdpClient(endpoint, {
      clientId: credentials["clientId"] ?? "",
      username: credentials["username"] ?? "",
      password: credentials["password"] ?? "",
    }),
  fetch: fetchPersons,
  check: (matches) => checkPersons(matches),
};

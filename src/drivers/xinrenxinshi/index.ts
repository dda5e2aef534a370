import type { Driver } from "../driver.js";
import { checkDepartments } from "./check.js";
import { API, CALLS_PER_MINUTE } from "./api.js";
import { XinrenxinshiClient } from "./client.js";
import { doctor } from "./doctor.js";
import { fetchDepartments } from "./fetch.js";
import { department } from "./kinds/department.js";

/** Xinrenxinshi (薪人薪事) HR open API v5: departments. */
export const xinrenxinshi: Driver = {
  name: "xinrenxinshi",
  title: "Xinrenxinshi HR open API v5",
  defaultEndpoint: "https://api.xinrenxinshi.com",
  // companyId: optional, for group accounts (sent as a header when set).
  credentials: { fields: ["appKey", "appSecret", "companyId"], secrets: ["appSecret"], required: [["appKey", "appSecret"]] },
  // The only published rate is the SDK's 200 calls a minute (see api.ts); department writes go
  // one at a time anyway. The core backs off on HTTP 429 and 5xx.
  limits: { requestsPerSecond: CALLS_PER_MINUTE / 60, concurrency: 3, buckets: { [API.token]: 1 } },
  kinds: [department],
  doctor,
  createClient: ({ endpoint, credentials }) =>
    new XinrenxinshiClient(endpoint, credentials["appKey"] ?? "", credentials["appSecret"] ?? "", { companyId: credentials["companyId"] }),
  fetch: fetchDepartments,
  check: checkDepartments,
};

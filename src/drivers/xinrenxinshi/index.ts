import type { Driver } from "../driver.js";
import { checkDepartments } from "./check.js";
import { TOKEN_PATH, XinrenxinshiClient } from "./client.js";
import { fetchDepartments } from "./fetch.js";
import { department } from "./kinds/department.js";

/** Xinrenxinshi (薪人薪事) HR open API v5: departments. */
export const xinrenxinshi: Driver = {
  name: "xinrenxinshi",
  title: "Xinrenxinshi HR open API v5",
  defaultEndpoint: "https://api.xinrenxinshi.com",
  credentials: { fields: ["appKey", "appSecret"], secrets: ["appSecret"], required: [["appKey", "appSecret"]] },
  // No quota is published (the SDK only asks to stay under 200 employee-list calls a minute).
  // Department writes go one at a time anyway; reads are few. 10 calls a second overall, and
  // the core backs off when the vendor answers 42900 (too frequent) or busy.
  limits: { requestsPerSecond: 10, concurrency: 3, buckets: { [TOKEN_PATH]: 1 } },
  kinds: [department],
  createClient: ({ endpoint, credentials }) => new XinrenxinshiClient(endpoint, credentials["appKey"] ?? "", credentials["appSecret"] ?? ""),
  fetch: fetchDepartments,
  check: checkDepartments,
};

import type { Driver } from "../driver.js";
import { API_RATES, APP_RATE } from "./api.js";
import { DingTalkClient } from "./client.js";
import { dingtalkDoctor } from "./doctor.js";
import { fetchPunchGroups } from "./fetch.js";
import { punchGroup } from "./kinds/punch-group.js";

/** DingTalk open platform (legacy oapi): members of punch-business-platform punch groups. */
export const dingtalk: Driver = {
  name: "dingtalk",
  title: "DingTalk open platform (oapi)",
  defaultEndpoint: "https://oapi.dingtalk.com",
  credentials: { fields: ["appKey", "appSecret"], secrets: ["appSecret"], required: [["appKey", "appSecret"]] },
  limits: { requestsPerSecond: APP_RATE, concurrency: 8, buckets: { ...API_RATES } },
  kinds: [punchGroup],
  doctor: dingtalkDoctor,
  createClient: ({ endpoint, credentials }) => new DingTalkClient(endpoint, credentials["appKey"] ?? "", credentials["appSecret"] ?? ""),
  fetch: fetchPunchGroups,
};

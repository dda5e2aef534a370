import type { Driver } from "../driver.js";
import { DingTalkClient, TOKEN_PATH } from "./client.js";
import { fetchPunchGroups, MEMBER_LIST_PATH } from "./fetch.js";
import { MEMBER_UPDATE_PATH, punchGroup } from "./kinds/punch-group.js";

/** DingTalk open platform (legacy oapi): members of punch-business-platform punch groups. */
export const dingtalk: Driver = {
  name: "dingtalk",
  title: "DingTalk open platform (oapi)",
  defaultEndpoint: "https://oapi.dingtalk.com",
  credentials: { fields: ["appKey", "appSecret"], secrets: ["appSecret"], required: [["appKey", "appSecret"]] },
  // 20 calls/s per app is the standard-edition quota; 40/s per API is where 90018 starts.
  limits: {
    requestsPerSecond: 20,
    concurrency: 8,
    buckets: { [MEMBER_LIST_PATH]: 20, [MEMBER_UPDATE_PATH]: 20, [TOKEN_PATH]: 1 },
  },
  kinds: [punchGroup],
  createClient: ({ endpoint, credentials }) => new DingTalkClient(endpoint, credentials["appKey"] ?? "", credentials["appSecret"] ?? ""),
  fetch: fetchPunchGroups,
};

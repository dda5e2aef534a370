/**
 * The DingTalk oapi calls orgform makes and what the vendor allows on each. Paths follow the
 * API names of the official SDK (`dingtalk.oapi.pbp.instance.group.member.list` is served at
 * `/topapi/pbp/instance/group/member/list`: opendingtalk/alibaba-dingtalk-service-sdk
 * `request/OapiPbpInstanceGroupMemberListRequest.java`, and the gateway's own answer for an
 * unknown name, captured from oapi.dingtalk.com/topapi/app/remove_auth).
 */
export const API = {
  /** GET with appkey/appsecret: `request/OapiGettokenRequest.java` in the official SDK. */
  token: "/gettoken",
  memberList: "/topapi/pbp/instance/group/member/list",
  /** developer.alibaba.com/docs/api.htm?apiId=47778 */
  memberUpdate: "/topapi/pbp/instance/group/member/update",
} as const;

/** Calls per second per app on the standard edition (developer.aliyun.com/ask/585193). */
export const APP_RATE = 20;

/** Calls per second orgform allows itself per API (the app's quota; tokens are cached, one a second is plenty). */
export const API_RATES: Record<string, number> = {
  [API.memberList]: APP_RATE,
  [API.memberUpdate]: APP_RATE,
  [API.token]: 1,
};

/** A token lives 7200 s; asking again while it is valid returns the same one (developer.aliyun.com/ask/578909). */
export const TOKEN_LIFETIME_SECONDS = 7200;

/**
 * Members asked per list page. Unverified: the SDK's `check()` sets no maximum, so orgform
 * follows `has_more`/`next_cursor` and never relies on getting this many.
 */
export const MEMBER_PAGE_SIZE = 100;

/** Entries per add or delete list in one member update. Unverified: apiId=47778 lists no limit. */
export const MEMBER_CHUNK = 100;

/**
 * The per-IP block: more than 10 000 calls in 20 s from one egress IP blocks it for 5 minutes,
 * answered without an errcode (tianjinsc.cn/default/894239.html, quoting DingTalk's page).
 */
export const IP_BLOCK = { calls: 10_000, windowSeconds: 20, blockMinutes: 5 } as const;

import { randomBytes } from "node:crypto";
import { objectParam, parseBody, SlidingWindow, type EmuRequest, type EmuResponse, type VendorEmulator, type VendorFault } from "../vendor.js";
import { emptySection, type DingTalkMember, type DingTalkPunchGroup, type DingTalkSection } from "./state.js";

const DEFAULT_PAGE_SIZE_LIMIT = 100;

interface IssuedToken {
  appKey: string;
  expiresAt: number;
}

/**
 * DingTalk oapi as the punch-group integration sees it: `/gettoken`, punch-group member list
 * and update, HTTP 200 envelopes with `errcode`, tokens in the query, per-app-per-API QPS.
 */
export function dingtalkEmulator(section: unknown): VendorEmulator {
  let state: DingTalkSection = (section as DingTalkSection | undefined) ?? emptySection();
  const tokens = new Map<string, IssuedToken>();
  const window = new SlidingWindow();

  const ok = (payload: Record<string, unknown> = {}): EmuResponse => ({ status: 200, body: { errcode: 0, errmsg: "ok", ...payload, request_id: requestId() }, code: 0 });
  const fail = (errcode: number, errmsg: string, extra: Record<string, unknown> = {}): EmuResponse => ({
    status: 200,
    body: { errcode, errmsg, ...extra, request_id: requestId() },
    code: errcode,
  });

  function getToken(req: EmuRequest, now: number): EmuResponse {
    const app = state.apps.find((a) => a.appKey === req.query["appkey"] && a.appSecret === req.query["appsecret"]);
    if (!app) return fail(40089, "invalid appkey or appsecret");
    const ttl = state.tokenTtlSeconds ?? 7200;
    // While a token is valid the same one comes back (and lives on).
    for (const [token, issued] of tokens) {
      if (issued.appKey === app.appKey && issued.expiresAt > now) {
        issued.expiresAt = now + ttl * 1000;
        return ok({ access_token: token, expires_in: ttl });
      }
    }
    const token = randomBytes(16).toString("hex");
    tokens.set(token, { appKey: app.appKey, expiresAt: now + ttl * 1000 });
    return ok({ access_token: token, expires_in: ttl });
  }

  function memberList(params: Record<string, unknown>): EmuResponse {
    const id = params["punch_group_id"];
    if (typeof id !== "string" || params["cursor"] === undefined || params["size"] === undefined) {
      return fail(400002, "invalid parameter: punch_group_id, cursor and size are required");
    }
    const group = findGroup(id, params["biz_id"]);
    if (!group) return fail(60121, `punch group not found: ${id}`);
    const cursor = Number(params["cursor"]) || 0;
    const size = Math.min(Number(params["size"]) || 20, state.limits?.pageSize ?? DEFAULT_PAGE_SIZE_LIMIT);
    const list = group.members.slice(cursor, cursor + size);
    const next = cursor + list.length;
    return ok({ result: { has_more: next < group.members.length, next_cursor: next, list } });
  }

  function memberUpdate(params: Record<string, unknown>): EmuResponse {
    const sync = objectParam(params["sync_param"]);
    if (!sync || typeof sync !== "object") return fail(400002, "invalid parameter: sync_param is required");
    const p = sync as Record<string, unknown>;
    if (typeof p["punch_group_id"] !== "string" || typeof p["biz_inst_id"] !== "string") {
      return fail(400002, "invalid parameter: punch_group_id and biz_inst_id are required");
    }
    const group = findGroup(p["punch_group_id"], p["biz_id"]);
    if (!group) return fail(60121, `punch group not found: ${p["punch_group_id"]}`);
    if (group.biz_inst_id !== p["biz_inst_id"]) return fail(400002, "invalid parameter: biz_inst_id does not match the punch group");
    const add = objectParam(p["add_member_list"] ?? []);
    const remove = objectParam(p["delete_member_list"] ?? []);
    if (!Array.isArray(add) || !Array.isArray(remove)) return fail(400002, "invalid parameter: member lists must be arrays");
    for (const m of [...add, ...remove] as Record<string, unknown>[]) {
      if (typeof m?.["member_id"] !== "string" || m["member_id"] === "") return fail(400002, "member_id empty");
      if (m["type"] === undefined || m["type"] === null || m["type"] === "") return fail(100123, "type empty");
    }
    const known = state.users ? new Set(state.users) : undefined;
    const unknown = (add as DingTalkMember[]).find((m) => Number(m.type) === 0 && known && !known.has(m.member_id));
    if (unknown) return fail(60121, `user not found: ${unknown.member_id}`);
    const keyOf = (m: DingTalkMember) => `${Number(m.type)}:${m.member_id}`;
    const gone = new Set((remove as DingTalkMember[]).map(keyOf));
    group.members = group.members.filter((m) => !gone.has(keyOf(m)));
    const present = new Set(group.members.map(keyOf));
    for (const m of add as DingTalkMember[]) {
      if (!present.has(keyOf(m))) group.members.push({ member_id: m.member_id, type: Number(m.type) });
      present.add(keyOf(m));
    }
    return ok({ punch_group_id: group.punch_group_id });
  }

  function findGroup(id: string, bizId: unknown): DingTalkPunchGroup | undefined {
    const group = state.punchGroups.find((g) => g.punch_group_id === id);
    if (group && typeof bizId === "string" && group.biz_id !== undefined && group.biz_id !== bizId) return undefined;
    return group;
  }

  const routes: Record<string, (params: Record<string, unknown>) => EmuResponse> = {
    "/topapi/pbp/instance/group/member/list": memberList,
    "/topapi/pbp/instance/group/member/update": memberUpdate,
  };

  return {
    name: "dingtalk",
    handle(req, now) {
      if (req.path === "/gettoken" && req.method === "GET") return getToken(req, now);
      const route = routes[req.path];
      if (!route) {
        if (req.path.startsWith("/topapi/")) {
          const apiName = `dingtalk.oapi${req.path.slice("/topapi".length).replace(/\//g, ".")}`;
          return fail(22, `Invalid method[submsg=illegal ApiName, ApiName = ${apiName}]`, { sub_msg: `illegal ApiName, ApiName = ${apiName}` });
        }
        return { status: 404, body: { errcode: 404, errmsg: "URI not found" }, code: 404 };
      }
      if (req.method !== "POST") return fail(400002, "only POST is accepted");
      const issued = tokens.get(req.query["access_token"] ?? "");
      if (!issued) return fail(40014, "invalid access_token");
      if (issued.expiresAt <= now) return fail(42001, "access_token expired");
      if (!window.allow(`${issued.appKey} ${req.path}`, state.limits?.qps, now)) {
        return fail(90018, "the app has called this API too often this second; try again later");
      }
      const params = parseBody(req);
      if (params["__invalidJson"]) return fail(400002, "invalid parameter: body is not valid JSON");
      return route(params);
    },
    getState: () => state,
    setState(next) {
      state = (next as DingTalkSection | undefined) ?? emptySection();
      tokens.clear();
    },
    faultAnswer(kind: VendorFault): EmuResponse | undefined {
      switch (kind) {
        case "http500":
          return { status: 500, body: "Internal Server Error", code: 500 };
        case "ratelimit":
          return fail(90018, "the app has called this API too often this second; try again later");
        case "tokenExpired":
          return fail(42001, "access_token expired");
        case "busy":
          return fail(-1, "system busy");
      }
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
  };
}

function requestId(): string {
  return randomBytes(6).toString("hex");
}

import type { Driver, KindSpec, VendorClient } from "../../src/drivers/driver.js";
import type { FailureClass } from "../../src/model/errors.js";
import type { HttpRequest, HttpResponse, VendorRequest } from "../../src/model/request.js";
import type { LiveResource } from "../../src/model/resource.js";

/**
 * A neutral driver for core tests: one kind, `memo.Group` (a title and a member set), behind a
 * tiny in-memory vendor with a token, paged lists and writes. Core tests state core behaviour
 * (retries, token refresh, limits, lost answers, planning) with it instead of borrowing one
 * real vendor's codes. It is not a stand-in for any vendor: drivers are tested against their
 * own emulators.
 */

export interface MemoGroup {
  id: number;
  name: string;
  title: string;
  members: string[];
}

/** A scripted failure for the next calls to a path: an HTTP status, a vendor class, or a lost answer. */
export type MemoFault = { status: number } | { failure: FailureClass } | { lost: true };

/** The in-memory vendor: state, a call log, and faults to inject. It answers like a JSON API. */
export class MemoVendor {
  groups: MemoGroup[] = [];
  calls: { path: string; body: unknown }[] = [];
  readonly secret = "memo-secret";
  private token = "t1";
  private nextId = 100;
  private faults: { path: string; fault: MemoFault }[] = [];

  /** Make the next call to `path` fail with `fault` (queue several for several calls). */
  failNext(path: string, fault: MemoFault): void {
    this.faults.push({ path, fault });
  }

  /** Invalidate the current token: the next call answers `tokenExpired`. */
  expireToken(): void {
    this.token = `t${Number(this.token.slice(1)) + 1}`;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = new URL(request.url).pathname;
    const body = request.body === undefined ? {} : (JSON.parse(request.body) as Record<string, unknown>);
    this.calls.push({ path, body });
    const index = this.faults.findIndex((f) => f.path === path);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined;
    if (fault && "status" in fault) return answer(fault.status, { error: `HTTP ${fault.status}` });
    if (fault && "failure" in fault) return answer(200, { ok: false, failure: fault.failure, code: `E-${fault.failure}`, message: `scripted ${fault.failure}` });
    if (path === "/token") return body["secret"] === this.secret ? answer(200, { ok: true, data: { token: this.token } }) : answer(200, { ok: false, failure: "auth", code: "E-auth", message: "bad secret" });
    if (request.headers["x-memo-token"] !== this.token) return answer(200, { ok: false, failure: "tokenExpired", code: "E-token", message: "token expired" });
    const result = answer(200, { ok: true, data: this.handle(path, body) });
    if (fault && "lost" in fault) throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    return result;
  }

  private handle(path: string, body: Record<string, unknown>): unknown {
    if (path === "/groups/list") {
      const skip = Number(body["skip"] ?? 0);
      return { groups: this.groups.slice(skip, skip + Number(body["limit"] ?? 2)) };
    }
    if (path === "/groups/create") {
      const group = { id: this.nextId++, name: String(body["name"]), title: String(body["title"] ?? ""), members: [...((body["members"] as string[]) ?? [])] };
      this.groups.push(group);
      return { id: group.id };
    }
    const group = this.groups.find((g) => g.id === body["id"]);
    if (!group) return { missing: true };
    if (path === "/groups/update") Object.assign(group, body["set"] as object);
    if (path === "/groups/delete") this.groups = this.groups.filter((g) => g !== group);
    return {};
  }
}

function answer(status: number, body: unknown): HttpResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

const GROUP = "memo.Group";

const group: KindSpec = {
  kind: GROUP,
  keyField: "name",
  schema: "kinds/dingtalk.PunchGroup.schema.json", // never loaded from manifests in core tests
  fields: { title: { type: "scalar" }, members: { type: "set" } },
  pins: [],
  listable: true,
  create: true,
  delete: true,
  toCanonical: (item) => ({ key: String(item["name"]), fields: { title: item["title"], members: item["members"] }, pins: {} }),
  toItem: (live) => ({ name: live.key, ...live.fields }),
  compile(action, ctx) {
    const path = `/groups/${action.op}`;
    if (action.op === "create") {
      const body = { name: action.key, ...Object.fromEntries(action.changes.map((c) => [c.field, c.add ?? c.after])) };
      return [{ method: "POST", path, body, bucket: path, capture: { id: "id" }, retrySafe: false }];
    }
    const id = ctx.live(GROUP, action.key)?.ids["id"];
    const set = Object.fromEntries(action.changes.map((c) => [c.field, c.after]));
    return [{ method: "POST", path, body: action.op === "delete" ? { id } : { id, set }, bucket: path }];
  },
};

class MemoClient implements VendorClient {
  private token: string | undefined;
  constructor(
    private readonly endpoint: string,
    private readonly secret: string,
  ) {}
  tokenRequest(): VendorRequest | undefined {
    return this.token ? undefined : { method: "POST", path: "/token", body: { secret: this.secret }, bucket: "/token" };
  }
  acceptToken(data: unknown): void {
    this.token = (data as { token: string }).token;
  }
  invalidateToken(): void {
    this.token = undefined;
  }
  prepare(request: VendorRequest): HttpRequest {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.token && request.path !== "/token") headers["x-memo-token"] = this.token;
    const out: HttpRequest = { method: request.method, url: `${this.endpoint}${request.path}`, headers };
    if (request.body !== undefined) out.body = JSON.stringify(request.body);
    return out;
  }
  interpret(_request: VendorRequest, response: HttpResponse) {
    if (response.status >= 500) return { ok: false as const, failure: "server" as const, code: `HTTP ${response.status}`, message: "server error" };
    if (response.status === 429) return { ok: false as const, failure: "rateLimited" as const, code: "HTTP 429", message: "slow down" };
    const body = JSON.parse(response.body) as { ok: boolean; data?: unknown; failure?: FailureClass; code?: string; message?: string };
    return body.ok ? { ok: true as const, data: body.data } : { ok: false as const, failure: body.failure ?? "unknown", code: body.code ?? "?", message: body.message ?? "" };
  }
  secrets(): string[] {
    return [this.secret, ...(this.token ? [this.token] : [])];
  }
}

/** The neutral driver. Its fetch pages through `/groups/list` two at a time until an empty page. */
export const memoDriver: Driver = {
  name: "memo",
  title: "in-memory test vendor",
  defaultEndpoint: "http://memo.invalid",
  credentials: { fields: ["secret"], secrets: ["secret"], required: [["secret"]] },
  limits: { requestsPerSecond: 1000, concurrency: 4 },
  kinds: [group],
  createClient: ({ endpoint, credentials }) => new MemoClient(endpoint, credentials["secret"] ?? ""),
  async fetch(ctx) {
    const live: LiveResource[] = [];
    for (let skip = 0; ; skip += 2) {
      const page = (await ctx.call({ method: "POST", path: "/groups/list", body: { skip, limit: 2 }, bucket: "/groups/list" })) as { groups: MemoGroup[] };
      if (page.groups.length === 0) return live;
      for (const g of page.groups) live.push({ target: ctx.target, kind: GROUP, key: g.name, fields: { title: g.title, members: [...g.members].sort() }, ids: { id: g.id } });
    }
  },
};

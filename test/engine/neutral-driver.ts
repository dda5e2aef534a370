import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Driver, KindSpec } from "../../src/drivers/driver.js";
import type { Manifests } from "../../src/manifest/load.js";
import type { FailureClass } from "../../src/model/errors.js";
import type { DesiredResource } from "../../src/model/resource.js";

/**
 * A vendor-free driver for core tests: teams with a name and a set of members, kept by a tiny
 * HTTP service (`GET /token`, `GET /teams`, `POST /teams/update`) that asks for a bearer token
 * and answers failures by HTTP status alone.
 */
export const TEAM = "memo.Team";

const team: KindSpec = {
  kind: TEAM,
  keyField: "id",
  fields: { name: { type: "scalar" }, members: { type: "set" } },
  create: { cannot: "the test service only updates teams" },
  delete: { cannot: "the test service only updates teams" },
  schema: "none",
  pins: [],
  listable: true,
  toCanonical: (item) => ({ key: String(item["id"]), fields: { name: item["name"], members: item["members"] }, pins: {} }),
  toItem: (live) => ({ id: live.key, ...live.fields }),
  compile: (action) => [{ method: "POST", path: "/teams/update", body: { id: action.key, changes: action.changes }, bucket: "update" }],
};

/** How the service's answers read: the status is the whole envelope. */
const FAILURES: Record<number, FailureClass> = { 400: "invalid", 401: "tokenExpired", 404: "notFound", 429: "rateLimited", 500: "server", 503: "busy" };

export const memo: Driver = {
  name: "memo",
  title: "in-memory teams (tests only)",
  defaultEndpoint: "http://127.0.0.1:1",
  credentials: { fields: [], secrets: [], required: [[]] },
  limits: { requestsPerSecond: 1000, concurrency: 4 },
  kinds: [team],
  createClient: ({ endpoint }) => {
    let token: string | undefined;
    return {
      tokenRequest: () => (token ? undefined : { method: "GET", path: "/token", bucket: "token" }),
      acceptToken: (data) => void (token = (data as { token: string }).token),
      invalidateToken: () => void (token = undefined),
      prepare: (r) => ({
        method: r.method,
        url: endpoint + r.path,
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
      }),
      interpret: (_r, res) =>
        res.status === 200 ? { ok: true, data: JSON.parse(res.body) as unknown } : { ok: false, failure: FAILURES[res.status] ?? "unknown", code: res.status, message: res.body },
      secrets: () => (token ? [token] : []),
    };
  },
  async fetch(ctx) {
    const teams = (await ctx.call({ method: "GET", path: "/teams", bucket: "list" })) as { id: string; name: string; members: string[] }[];
    return teams.map((t) => ({ target: ctx.target, kind: TEAM, key: t.id, fields: { name: t.name, members: [...t.members].sort() }, ids: {} }));
  },
};

/** What the service does to the next request instead of answering it well. */
export type ServiceFault = "http500" | "ratelimit" | "busy" | "tokenExpired" | "reset" | "timeout" | "lost";
const FAULT_STATUS: Partial<Record<ServiceFault, number>> = { http500: 500, ratelimit: 429, busy: 503, tokenExpired: 401 };

export interface TeamService {
  url: string;
  teams: Map<string, { id: string; name: string; members: string[] }>;
  writes: number;
  /** Every request, in arrival order, with the status answered (0: no answer). */
  log: { method: string; path: string; status: number }[];
  /** Faults for the next requests, one each, in order. */
  faults: ServiceFault[];
  /** Make every token issued so far invalid. */
  expireTokens(): void;
  close(): Promise<void>;
}

/** The service behind `memo`, over real HTTP on a free port. */
export async function startTeamService(teams: { id: string; name: string; members: string[] }[]): Promise<TeamService> {
  const tokens = new Set<string>();
  const service = { teams: new Map(teams.map((t) => [t.id, structuredClone(t)])), writes: 0, log: [], faults: [] } as unknown as TeamService;
  service.expireTokens = () => tokens.clear();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      const entry = { method: req.method ?? "", path: req.url ?? "", status: 0 };
      service.log.push(entry);
      const answer = (status: number, text: string) => void ((entry.status = status), res.writeHead(status).end(text));
      const fault = service.faults.shift();
      if (fault === "reset") return void req.socket.destroy();
      if (fault === "timeout") return;
      if (fault && FAULT_STATUS[fault]) return answer(FAULT_STATUS[fault], `fault: ${fault}`);
      if (req.url === "/token") {
        const token = `tok-${tokens.size + 1}-${Math.random().toString(36).slice(2)}`;
        tokens.add(token);
        return answer(200, JSON.stringify({ token }));
      }
      if (!tokens.has((req.headers.authorization ?? "").replace("Bearer ", ""))) return answer(401, "token expired");
      if (req.method === "GET" && req.url === "/teams") return answer(200, JSON.stringify([...service.teams.values()]));
      const { id, changes } = JSON.parse(body || "{}") as { id?: string; changes?: { field: string; after?: unknown; add?: string[]; remove?: string[] }[] };
      if (!id || !changes) return answer(400, "id and changes are required");
      const t = service.teams.get(id);
      if (!t) return answer(404, "no such team");
      service.writes++;
      for (const c of changes) {
        if (c.field === "name") t.name = String(c.after);
        if (c.field === "members") t.members = [...t.members.filter((m) => !c.remove?.includes(m)), ...(c.add ?? [])];
      }
      if (fault === "lost") return void req.socket.destroy();
      answer(200, "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  service.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return service;
}

/** Manifests for target `t` of the memo driver, built without the YAML loader (which knows only shipped kinds). */
export function teamManifests(url: string, teams: { id: string; name: string; members: string[] }[]): Manifests {
  const desired = teams.map(
    (t, i): DesiredResource => ({ target: "t", kind: TEAM, key: t.id, fields: { name: t.name, members: [...t.members].sort() }, pins: {}, absent: false, previousKeys: [], source: { file: "teams", line: i + 1, column: 1 } }),
  );
  return { targets: [{ name: "t", driver: "memo", endpoint: url, credentials: {}, credentialRefs: {} }], desired, scope: [{ target: "t", kind: TEAM }], files: [], skipped: [] };
}

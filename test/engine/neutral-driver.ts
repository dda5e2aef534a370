import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Driver, KindSpec } from "../../src/drivers/driver.js";
import type { Manifests } from "../../src/manifest/load.js";
import type { DesiredResource } from "../../src/model/resource.js";

/**
 * A vendor-free driver for core tests: teams with a name and a set of members, kept by a tiny
 * HTTP service (`GET /teams`, `POST /teams/update`) with no authentication.
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

export const memo: Driver = {
  name: "memo",
  title: "in-memory teams (tests only)",
  defaultEndpoint: "http://127.0.0.1:1",
  credentials: { fields: [], secrets: [], required: [[]] },
  limits: { requestsPerSecond: 1000, concurrency: 4 },
  kinds: [team],
  createClient: ({ endpoint }) => ({
    tokenRequest: () => undefined,
    acceptToken: () => {},
    invalidateToken: () => {},
    prepare: (r) => ({ method: r.method, url: endpoint + r.path, headers: { "content-type": "application/json" }, ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }) }),
    interpret: (_r, res) => (res.status === 200 ? { ok: true, data: JSON.parse(res.body) as unknown } : { ok: false, failure: "invalid", code: res.status, message: res.body }),
    secrets: () => [],
  }),
  async fetch(ctx) {
    const teams = (await ctx.call({ method: "GET", path: "/teams", bucket: "list" })) as { id: string; name: string; members: string[] }[];
    return teams.map((t) => ({ target: ctx.target, kind: TEAM, key: t.id, fields: { name: t.name, members: [...t.members].sort() }, ids: {} }));
  },
};

export interface TeamService {
  url: string;
  teams: Map<string, { id: string; name: string; members: string[] }>;
  writes: number;
  close(): Promise<void>;
}

/** The service behind `memo`, over real HTTP on a free port. */
export async function startTeamService(teams: { id: string; name: string; members: string[] }[]): Promise<TeamService> {
  const service = { teams: new Map(teams.map((t) => [t.id, structuredClone(t)])), writes: 0 } as TeamService;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/teams") return void res.end(JSON.stringify([...service.teams.values()]));
      const { id, changes } = JSON.parse(body) as { id: string; changes: { field: string; after?: unknown; add?: string[]; remove?: string[] }[] };
      const t = service.teams.get(id);
      if (!t) return void res.writeHead(404).end("no such team");
      service.writes++;
      for (const c of changes) {
        if (c.field === "name") t.name = String(c.after);
        if (c.field === "members") t.members = [...t.members.filter((m) => !c.remove?.includes(m)), ...(c.add ?? [])];
      }
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  service.close = () => new Promise((resolve) => server.close(() => resolve()));
  return service;
}

/** Manifests for target `t` of the memo driver, built without the YAML loader (which knows only shipped kinds). */
export function teamManifests(url: string, teams: { id: string; name: string; members: string[] }[]): Manifests {
  const desired = teams.map(
    (t, i): DesiredResource => ({ target: "t", kind: TEAM, key: t.id, fields: { name: t.name, members: [...t.members].sort() }, pins: {}, absent: false, previousKeys: [], source: { file: "teams", line: i + 1, column: 1 } }),
  );
  return { targets: [{ name: "t", driver: "memo", endpoint: url, credentials: {}, credentialRefs: {} }], desired, scope: [{ target: "t", kind: TEAM }], files: [], skipped: [] };
}

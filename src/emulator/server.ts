import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { UsageError } from "../model/errors.js";
import { FaultInjector, parseFaultConfig, type FaultKind } from "./faults.js";
import { vendorEmulators } from "./registry.js";
import { loggableBody, RequestLog } from "./request-log.js";
import { validateState, type EmulatorState } from "./state.js";
import type { EmuRequest, EmuResponse, VendorEmulator, VendorFault } from "./vendor.js";

export interface EmulatorOptions {
  port?: number;
  host?: string;
  state?: EmulatorState;
}

export interface RunningEmulator {
  /** `http://host:port`; a vendor lives at `${url}/<vendor>`. */
  url: string;
  vendor(name: string): VendorEmulator;
  requests: RequestLog;
  faults: FaultInjector;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

/** Serve every vendor emulator on one port, with the admin API under `/_emulator`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const vendors = new Map<string, VendorEmulator>();
  const state = validateState(options.state ?? {}, "state");
  for (const [name, factory] of Object.entries(vendorEmulators)) vendors.set(name, factory(structuredClone(state[name])));
  const log = new RequestLog();
  const faults = new FaultInjector();
  const sockets = new Set<Socket>();
  const started = performance.now();
  const clock = () => Math.round((performance.now() - started) * 1000) / 1000;

  const server: Server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      const bad = err instanceof UsageError || err instanceof SyntaxError;
      send(res, { status: bad ? 400 : 500, body: { error: err instanceof Error ? err.message : String(err) } });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    const raw = await readBody(req);
    if (url.pathname.startsWith("/_emulator/")) return admin(req.method ?? "GET", url.pathname, raw, res);
    const [, prefix = "", ...rest] = url.pathname.split("/");
    const vendor = vendors.get(prefix);
    if (!vendor) return send(res, { status: 404, body: { error: `no vendor at /${prefix}` } });
    const emuReq: EmuRequest = {
      method: req.method ?? "GET",
      path: `/${rest.join("/")}`,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(",") : (v ?? "")])),
      rawBody: raw,
    };
    const start = clock();
    const entry = { vendor: prefix, method: emuReq.method, path: emuReq.path, query: emuReq.query, body: loggableBody(raw), start };
    const fault = faults.draw(prefix, (k) => supports(vendor, k));
    if (fault === "lost") {
      // The vendor carries the call out; its answer never leaves.
      const done = await vendor.handle(emuReq, Date.now());
      log.add({ ...entry, status: done.status, code: "fault:lost", end: clock() });
      req.socket.destroy();
      return;
    }
    if (fault === "reset" || fault === "timeout") {
      log.add({ ...entry, status: 0, code: `fault:${fault}`, end: clock() });
      if (fault === "reset") req.socket.destroy();
      return; // a timeout never answers; the socket closes with the server
    }
    const answer = fault ? faultResponse(vendor, fault) : await vendor.handle(emuReq, Date.now());
    log.add({ ...entry, status: answer.status, code: fault ? `fault:${fault}` : answer.code, end: clock() });
    send(res, answer);
  }

  function admin(method: string, path: string, raw: string, res: ServerResponse): void {
    const json = () => (raw ? (JSON.parse(raw) as unknown) : {});
    if (path === "/_emulator/state" && method === "GET") {
      return send(res, { status: 200, body: Object.fromEntries([...vendors].map(([n, v]) => [n, v.getState()])) });
    }
    if (path === "/_emulator/state" && method === "PUT") {
      const next = validateState(json(), "PUT /_emulator/state");
      for (const [name, section] of Object.entries(next)) vendors.get(name)?.setState(structuredClone(section));
      return send(res, { status: 200, body: { replaced: Object.keys(next) } });
    }
    if (path === "/_emulator/requests" && method === "GET") return send(res, { status: 200, body: log.all() });
    if (path === "/_emulator/requests" && method === "DELETE") {
      log.clear();
      return send(res, { status: 200, body: { cleared: true } });
    }
    if (path === "/_emulator/faults" && method === "PUT") {
      faults.configure(parseFaultConfig(json(), [...vendors.keys()]));
      return send(res, { status: 200, body: faults.current() });
    }
    if (path === "/_emulator/faults" && method === "DELETE") {
      faults.configure(undefined);
      return send(res, { status: 200, body: { faults: "off" } });
    }
    if (path === "/_emulator/tokens" && method === "DELETE") {
      for (const v of vendors.values()) v.expireTokens();
      return send(res, { status: 200, body: { expired: true } });
    }
    return send(res, { status: 404, body: { error: `no admin route ${method} ${path}` } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    vendor: (name) => {
      const v = vendors.get(name);
      if (!v) throw new Error(`no vendor emulator ${name}`);
      return v;
    },
    requests: log,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const GENERIC_FAULTS: ReadonlySet<FaultKind> = new Set(["timeout", "reset", "corrupt", "empty", "lost"]);

function supports(vendor: VendorEmulator, kind: FaultKind): boolean {
  return GENERIC_FAULTS.has(kind) || vendor.faultAnswer(kind as VendorFault) !== undefined;
}

function faultResponse(vendor: VendorEmulator, kind: FaultKind): EmuResponse {
  if (kind === "corrupt") return { status: 200, body: "<html><body>502 Bad Gateway</body></html>", headers: { "content-type": "text/html" } };
  if (kind === "empty") return { status: 200, body: {} };
  return vendor.faultAnswer(kind as VendorFault) as EmuResponse;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, answer: EmuResponse): void {
  const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  const headers: Record<string, string> = { "content-type": typeof answer.body === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", ...answer.headers };
  res.writeHead(answer.status, headers);
  res.end(text);
}

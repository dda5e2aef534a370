import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { readStateFile } from "../../src/emulator/state.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { manifestDir, ROOT, runCli, runCliProcess, useEmulator } from "../helpers/orgform.js";

const emulator = useEmulator();
const DRIVERS = ["dingtalk", "xinrenxinshi", "jiandaoyun", "isdp", "o2oa"];

/** Values that must never reach a log: every credential value of the example, and the tokens the emulator issued. */
function secretsOf(env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([name]) => !name.endsWith("_ENDPOINT"))
    .map(([, value]) => value);
}

/** A token, signature or secret field whose value is anything but "(redacted)", in JSON, a query or a header line. */
const UNREDACTED = /(token|sign|secret|password|key)("?\s*[:=]\s*"?)(?!\(redacted\))[A-Za-z0-9+/_-]{8,}/i;

describe("ORGFORM_LOG and --log-level: every HTTP exchange on stderr, secrets redacted", () => {
  it.each(DRIVERS)("%s: debug prints method, URL, status and time; trace adds bodies; no secret or token appears", async (driver) => {
    const em = await emulator.start(readStateFile(exampleOf(driver).state));
    const env = exampleEnv(driver, em.url);
    const dir = exampleOf(driver).dir;

    const debug = await runCli(["plan", dir], { env: { ...env, ORGFORM_LOG: "debug" } });
    const trace = await runCli(["--log-level", "trace", "plan", dir], { env });
    const quiet = await runCli(["plan", dir], { env });

    expect(debug.code).toBe(0);
    expect(trace.code).toBe(0);
    const lines = debug.stderr.split("\n").filter((l) => l.startsWith("http "));
    expect(lines.length).toBe(em.calls(driver).length / 3);
    for (const line of lines) expect(line).toMatch(new RegExp(`^http (GET|POST|PUT|DELETE) ${em.url}/${driver}/\\S* -> \\d{3} \\(\\d+ ms\\)$`));
    expect(trace.stderr).toMatch(/\n {2}< \{/); // an answer body
    expect(quiet.stderr).not.toContain("http ");
    expect(trace.stderr).not.toMatch(UNREDACTED);
    if (driver === "dingtalk") expect(trace.stderr).toContain('"access_token":"(redacted)"');
    for (const secret of secretsOf(env)) {
      expect(debug.stderr).not.toContain(secret);
      expect(trace.stderr).not.toContain(secret);
      expect(trace.stderr).not.toContain(encodeURIComponent(secret));
    }
    expect(trace.stdout).toBe(quiet.stdout);
  });

  it("the flag after the command works too, and an unknown level is a one-line usage error", async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const env = exampleEnv("dingtalk", em.url);
    const after = await runCli(["plan", `${ROOT}examples/quickstart`, "--log-level", "debug"], { env });
    const bad = await runCli(["plan", `${ROOT}examples/quickstart`], { env: { ...env, ORGFORM_LOG: "verbose" } });

    expect(after.stderr).toMatch(/^http GET \S+\/gettoken\?\S+ -> 200/m);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe("Error: ORGFORM_LOG=verbose: use one of info, debug, trace.");
  });
});

/** A forwarding HTTP proxy that records what it was asked for (absolute-URI requests and CONNECT tunnels). */
async function startProxy(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = http.request(req.url ?? "", { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${req.url}`);
    const [host = "", port = "443"] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

// Proxies and extra CA certificates are settings of the process, so these runs spawn the binary.
describe("HTTP_PROXY, HTTPS_PROXY and NO_PROXY", () => {
  it("sends every call through the proxy named in HTTP_PROXY, and none when NO_PROXY names the host", async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const env = exampleEnv("dingtalk", em.url);
    const proxy = await startProxy();
    try {
      const proxied = await runCliProcess(["plan", `${ROOT}examples/quickstart`], { env: { ...env, HTTP_PROXY: proxy.url } });
      const through = proxy.seen.length;
      const direct = await runCliProcess(["plan", `${ROOT}examples/quickstart`], { env: { ...env, HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" } });

      expect(proxied.code).toBe(0);
      expect(direct.code).toBe(0);
      expect(through).toBe(em.calls("dingtalk").length / 2);
      expect(proxy.seen[0]).toMatch(new RegExp(`^GET ${em.url}/dingtalk/gettoken\\?`));
      expect(proxy.seen.length).toBe(through);
    } finally {
      await proxy.close();
    }
  });

  it("a proxy that cannot be reached is named in a one-line error", async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const env = { ...exampleEnv("dingtalk", em.url), HTTP_PROXY: "http://127.0.0.1:1", ORGFORM_HTTP_TIMEOUT_MS: "2000" };
    const run = await runCliProcess(["plan", `${ROOT}examples/quickstart`], { env });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain("127.0.0.1");
    expect(run.stderr).not.toContain("This is a bug");
  });

  it("reaches an https vendor through a CONNECT tunnel named in HTTPS_PROXY", async () => {
    const em = await emulator.start(readStateFile(exampleOf("dingtalk").state));
    const dir = manifestDir({});
    const [key, cert] = [`${dir}/key.pem`, `${dir}/cert.pem`];
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    // An https front for the emulator, standing in for a vendor's https endpoint.
    const front = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      const upstream = http.request(`${em.url}${req.url ?? ""}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    front.listen(0, "127.0.0.1");
    await once(front, "listening");
    const port = (front.address() as AddressInfo).port;
    const proxy = await startProxy();
    try {
      const env = { ...exampleEnv("dingtalk", em.url), DINGTALK_ENDPOINT: `https://127.0.0.1:${port}/dingtalk`, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: cert };
      const run = await runCliProcess(["plan", exampleOf("dingtalk").dir], { env });

      // No error, no warning (the example's .orgformignore leaves its demo.env out quietly).
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("members: +2 −1");
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT 127.0.0.1:${port}`]));
    } finally {
      await proxy.close();
      await new Promise((r) => front.close(r));
    }
  });
});

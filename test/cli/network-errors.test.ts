import { createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/orgform.js";

/** `orgform plan examples/quickstart` against an endpoint; stderr and the exit code. */
async function plan(endpoint: string): Promise<{ code: number; stderr: string }> {
  const env = { DINGTALK_ENDPOINT: endpoint, DINGTALK_APP_SECRET: "net-secret-1", ORGFORM_RETRY_BASE_MS: "1", ORGFORM_HTTP_TIMEOUT_MS: "200" };
  const { code, stderr } = await runCli(["plan", "examples/quickstart"], { env });
  // The read shows progress while it retries; the error line is what this tests.
  return { code, stderr: stderr.replace(/^reading live state .*\n/gm, "") };
}

// Each run spends its seconds waiting for retries at the token call's rate; they run side by side.
describe.concurrent("network errors name the target and the host:port", () => {
  it("connection refused", async () => {
    const run = await plan("http://127.0.0.1:1/dingtalk");

    expect(run.code).toBe(1);
    expect(run.stderr).toBe("Error: target attendance: cannot reach 127.0.0.1:1 (connection refused): is the endpoint right?\n");
  });

  it("a host that does not resolve", async () => {
    const run = await plan("http://no-such-host.invalid:8080/dingtalk");

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: target attendance: cannot reach no-such-host\.invalid:8080 \(host (not found|name lookup failed)\): is the endpoint right\?\n$/);
  });

  it("an endpoint that accepts and never answers", async () => {
    const sockets = new Set<Socket>();
    const server = createServer((s) => void sockets.add(s));
    const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
    try {
      const run = await plan(`http://127.0.0.1:${port}/dingtalk`);

      expect(run.code).toBe(1);
      // A progress line may come first: the run took over a second.
      expect(run.stderr.trim().split("\n").at(-1)).toBe(`Error: target attendance: no answer from 127.0.0.1:${port} (timed out) to GET /gettoken`);
      expect(run.stderr).not.toContain("net-secret-1");
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });
});

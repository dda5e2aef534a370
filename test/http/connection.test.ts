import { afterEach, describe, expect, it } from "vitest";
import { Connection } from "../../src/http/connection.js";
import { RateLimiter } from "../../src/http/limiter.js";
import { Redactor } from "../../src/http/redact.js";
import { createHttpSender } from "../../src/http/sender.js";
import { AnswerLostError, DriverError, NetworkFailure } from "../../src/model/errors.js";
import { FAST_RETRY } from "../helpers/orgform.js";
import { memo, startTeamService, type ServiceFault, type TeamService } from "../engine/neutral-driver.js";

const LIST = { method: "GET" as const, path: "/teams", bucket: "list" };
const UPDATE = { method: "POST" as const, path: "/teams/update", body: { id: "a", changes: [{ field: "members", add: ["p2"] }] }, bucket: "update" };

let service: TeamService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

async function connect(attempts = FAST_RETRY.attempts, endpoint?: string, observe?: (e: { attempt: number }) => void) {
  service = await startTeamService([{ id: "a", name: "A", members: ["p1"] }]);
  const target = { name: "t", driver: "memo", endpoint: endpoint ?? service.url, credentials: {}, credentialRefs: {} };
  // Without a service, a client that holds a token already, so the first call is the call itself.
  const driver = endpoint ? { ...memo, createClient: (c: { endpoint: string; credentials: Record<string, string> }) => Object.assign(memo.createClient(c), { tokenRequest: () => undefined }) } : memo;
  const connection = new Connection(target, driver, {
    // Long enough that a healthy local call never times out on a busy machine (a late token
    // answer would be asked for again); the timeout faults wait this long.
    sender: createHttpSender({ timeoutMs: 1000 }),
    limiter: new RateLimiter(),
    retry: { ...FAST_RETRY, attempts },
    redactor: new Redactor(),
    ...(observe ? { observe } : {}),
  });
  return { connection, service };
}

/** The log as `path status` lines, without the token requests when `tokens` is false. */
const lines = (s: TeamService, tokens = true) => s.log.filter((e) => tokens || e.path !== "/token").map((e) => `${e.path} ${e.status}`);

describe("a connection's call path over HTTP", () => {
  it.each<ServiceFault>(["http500", "reset", "timeout", "busy", "ratelimit"])("retries through %s faults and succeeds", async (kind) => {
    const { connection, service } = await connect();
    await connection.call(LIST);
    service.faults.push(kind, kind);

    await expect(connection.call(LIST)).resolves.toHaveLength(1);

    // 0: the service sent no answer.
    const status = { http500: 500, reset: 0, timeout: 0, busy: 503, ratelimit: 429 }[kind as string];
    expect(lines(service)).toEqual(["/token 200", "/teams 200", `/teams ${status}`, `/teams ${status}`, "/teams 200"]);
  });

  it("gives up after the last attempt with the vendor's code", async () => {
    const { connection, service } = await connect(3);
    await connection.call(LIST);
    service.faults.push("busy", "busy", "busy", "busy");

    const err = await connection.call(LIST).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(DriverError);
    expect(err).toMatchObject({ vendor: "memo", failure: "busy", code: 503 });
    expect(lines(service)).toEqual(["/token 200", "/teams 200", "/teams 503", "/teams 503", "/teams 503"]);
  });

  it("does not retry a validation error", async () => {
    const { connection, service } = await connect();

    const err = await connection.call({ ...UPDATE, body: { id: "a" } }).catch((e: unknown) => e);

    expect(err).toMatchObject({ failure: "invalid", code: 400 });
    expect(lines(service, false)).toEqual(["/teams/update 400"]);
  });

  it("gets a new token once when the service says the token expired, and repeats the call", async () => {
    const { connection, service } = await connect();
    await connection.call(LIST);
    service.expireTokens();

    await connection.call(LIST);

    expect(lines(service)).toEqual(["/token 200", "/teams 200", "/teams 401", "/token 200", "/teams 200"]);
  });

  it("refreshes the token only once when the service keeps saying it expired", async () => {
    const { connection, service } = await connect();
    await connection.call(LIST);
    service.faults.push("tokenExpired", "tokenExpired");

    const err = await connection.call(LIST).catch((e: unknown) => e);

    // The call expires, the fresh token request fails too, and the run stops there: no loop.
    expect(err).toMatchObject({ failure: "auth", code: 401 });
    expect(lines(service).slice(2)).toEqual(["/teams 401", "/token 401"]);
  });

  it("shares one token request among concurrent calls", async () => {
    const { connection, service } = await connect();

    await Promise.all(Array.from({ length: 5 }, () => connection.call(LIST)));

    expect(service.log.filter((e) => e.path === "/token")).toHaveLength(1);
  });

  it("never lets a token reach an error message", async () => {
    const { connection, service } = await connect(1);
    await connection.call(LIST);
    service.faults.push("busy");

    const err = (await connection.call(LIST).catch((e: unknown) => e)) as Error;

    expect(err.message).toContain("memo");
    expect(err.message).not.toMatch(/tok-\d/);
  });

  it("names the target and host:port when the endpoint cannot be reached", async () => {
    const { connection } = await connect(2, "http://127.0.0.1:1");

    const err = await connection.call(LIST).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NetworkFailure);
    expect((err as Error).message).toBe("target t: cannot reach 127.0.0.1:1 (connection refused): is the endpoint right?");
  });

  it("names the target, host:port and call when the answer does not come", async () => {
    const { connection, service } = await connect(1);
    await connection.call(LIST);
    service.faults.push("timeout");

    const err = await connection.call(LIST).catch((e: unknown) => e);

    expect((err as Error).message).toBe(`target t: no answer from ${new URL(service.url).host} (timed out) to GET ${LIST.path}`);
  });
});

describe("a write the vendor would carry out twice (retrySafe: false)", () => {
  const ADD = { ...UPDATE, retrySafe: false as const };

  it.each<ServiceFault>(["lost", "reset", "timeout"])("is not repeated when its answer is lost (%s)", async (kind) => {
    const { connection, service } = await connect();
    await connection.call(LIST);
    service.faults.push(kind, kind, kind);

    const err = await connection.call(ADD).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(AnswerLostError);
    expect((err as Error).message).toContain("was lost");
    expect(service.log.filter((e) => e.path === ADD.path)).toHaveLength(1);
  });

  it("is repeated after an answer that says it was not carried out", async () => {
    const { connection, service } = await connect(3);
    await connection.call(LIST);
    service.faults.push("http500", "http500", "http500");

    await expect(connection.call(ADD)).rejects.toMatchObject({ failure: "server" });

    expect(lines(service, false).slice(1)).toEqual(["/teams/update 500", "/teams/update 500", "/teams/update 500"]);
    expect(service.writes).toBe(0);
  });

  it("is repeated when the connection was refused (nothing was sent)", async () => {
    const attempts: number[] = [];
    const { connection } = await connect(3, "http://127.0.0.1:1", (e) => attempts.push(e.attempt));

    const err = await connection.call(ADD).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NetworkFailure);
    expect(err).not.toBeInstanceOf(AnswerLostError);
    expect(attempts).toEqual([1, 2, 3]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { Connection } from "../../src/http/connection.js";
import { RateLimiter } from "../../src/http/limiter.js";
import { dingtalk } from "../../src/drivers/dingtalk/index.js";
import { Redactor } from "../../src/http/redact.js";
import { createHttpSender } from "../../src/http/sender.js";
import { AnswerLostError, DriverError, NetworkFailure } from "../../src/model/errors.js";
import { emulatorWith, FAST_RETRY, type TestEmulator } from "../helpers/orgform.js";

const LIST = { method: "POST" as const, path: "/topapi/pbp/instance/group/member/list", body: { punch_group_id: "1", cursor: 0, size: 10 }, bucket: "list" };

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function connect(faults?: object, attempts = FAST_RETRY.attempts, endpoint?: string) {
  emulator = await emulatorWith({ dingtalk: { apps: [{ appKey: "k", appSecret: "secret-xyz" }], punchGroups: [{ punch_group_id: "1", biz_inst_id: "1", members: [] }] } });
  if (faults) await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  const target = { name: "t", driver: "dingtalk", endpoint: endpoint ?? `${emulator.url}/dingtalk`, credentials: { appKey: "k", appSecret: "secret-xyz" }, credentialRefs: {} };
  return new Connection(target, dingtalk, {
    sender: createHttpSender({ timeoutMs: 300 }),
    limiter: new RateLimiter(),
    retry: { ...FAST_RETRY, attempts },
    redactor: new Redactor(),
  });
}

describe("a connection's call path over HTTP", () => {
  it.each(["http500", "reset", "timeout", "busy", "ratelimit"])("retries through %s faults and succeeds", async (kind) => {
    const connection = await connect({ probability: 0.5, seed: 3, kinds: [kind] });

    for (let i = 0; i < 4; i++) await expect(connection.call(LIST)).resolves.toMatchObject({ errcode: 0 });

    const faults = emulator!.calls().filter((c) => c.code === `fault:${kind}`);
    expect(faults.length).toBeGreaterThan(0);
  });

  it("gives up after the last attempt with the vendor's code", async () => {
    const connection = await connect({ probability: 1, seed: 1, kinds: ["busy"] }, 3);

    const err = await connection.call(LIST).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(DriverError);
    expect(err).toMatchObject({ failure: "busy", code: -1 });
    expect(emulator!.calls().length).toBe(3);
  });

  it("does not retry a validation error", async () => {
    const connection = await connect();

    const err = await connection.call({ ...LIST, body: { punch_group_id: "1" } }).catch((e: unknown) => e);

    expect(err).toMatchObject({ failure: "invalid", code: 400002 });
    expect(emulator!.calls().filter((c) => c.path === LIST.path)).toHaveLength(1);
  });

  it("refreshes the token only once when the vendor keeps saying it expired", async () => {
    const connection = await connect();
    await connection.call(LIST);
    await fetch(`${emulator!.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: ["tokenExpired"] }) });
    emulator!.clearCalls();

    const err = await connection.call(LIST).catch((e: unknown) => e);

    // The call expires, the fresh token request fails too, and the run stops there: no loop.
    expect(err).toMatchObject({ failure: "auth", code: 88 });
    expect(emulator!.calls().map((c) => [c.path, c.code])).toEqual([
      [LIST.path, "fault:tokenExpired"],
      ["/gettoken", "fault:tokenExpired"],
    ]);
  });

  it("shares one token request among concurrent calls", async () => {
    const connection = await connect();

    await Promise.all(Array.from({ length: 5 }, () => connection.call(LIST)));

    expect(emulator!.calls().filter((c) => c.path === "/gettoken")).toHaveLength(1);
  });

  it("names the target and host:port when the endpoint cannot be reached", async () => {
    const connection = await connect(undefined, 2, "http://127.0.0.1:1/dingtalk");

    const err = await connection.call(LIST).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NetworkFailure);
    expect((err as Error).message).toBe("target t: cannot reach 127.0.0.1:1 (connection refused): is the endpoint right?");
  });

  it("names the target, host:port and call when the answer does not come", async () => {
    const connection = await connect(undefined, 1);
    await connection.call(LIST);
    await fetch(`${emulator!.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: ["timeout"] }) });

    const err = await connection.call(LIST).catch((e: unknown) => e);

    const host = new URL(emulator!.url).host;
    expect((err as Error).message).toBe(`target t: no answer from ${host} (timed out) to POST ${LIST.path}`);
  });
});

describe("a write the vendor would carry out twice (retrySafe: false)", () => {
  const ADD = {
    method: "POST" as const,
    path: "/topapi/pbp/instance/group/member/update",
    body: { sync_param: { punch_group_id: "1", biz_inst_id: "1", add_member_list: [{ member_id: "m1", type: 0 }] } },
    bucket: "update",
    retrySafe: false as const,
  };

  it.each(["lost", "reset", "timeout"])("is not repeated when its answer is lost (%s)", async (kind) => {
    const connection = await connect();
    await connection.call(LIST);
    await fetch(`${emulator!.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: [kind] }) });

    const err = await connection.call(ADD).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(AnswerLostError);
    expect((err as Error).message).toContain("was lost");
    expect(emulator!.calls().filter((c) => c.path === ADD.path)).toHaveLength(1);
  });

  it("is repeated after an answer that says it was not carried out", async () => {
    const connection = await connect(undefined, 3);
    await connection.call(LIST);
    await fetch(`${emulator!.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 3, kinds: ["http500"] }) });

    await expect(connection.call(ADD)).rejects.toMatchObject({ failure: "server" });

    expect(emulator!.calls().filter((c) => c.path === ADD.path)).toHaveLength(3);
  });

  it("is repeated when the connection was refused (nothing was sent)", async () => {
    emulator = await emulatorWith({});
    const attempts: number[] = [];
    const target = { name: "t", driver: "dingtalk", endpoint: "http://127.0.0.1:1/dingtalk", credentials: { appKey: "k", appSecret: "s" }, credentialRefs: {} };
    // A client that holds a token already, so the first call is the write itself.
    const createClient: typeof dingtalk.createClient = (c) => Object.assign(dingtalk.createClient(c), { tokenRequest: () => undefined });
    const connection = new Connection(target, { ...dingtalk, createClient }, {
      sender: createHttpSender({ timeoutMs: 300 }),
      limiter: new RateLimiter(),
      retry: { ...FAST_RETRY, attempts: 3 },
      redactor: new Redactor(),
      observe: (e) => attempts.push(e.attempt),
    });

    const err = await connection.call(ADD).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NetworkFailure);
    expect(err).not.toBeInstanceOf(AnswerLostError);
    expect(attempts).toEqual([1, 2, 3]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { Connection } from "../../src/http/connection.js";
import { RateLimiter } from "../../src/http/limiter.js";
import { dingtalk } from "../../src/drivers/dingtalk/index.js";
import { Redactor } from "../../src/http/redact.js";
import { createHttpSender } from "../../src/http/sender.js";
import { DriverError } from "../../src/model/errors.js";
import { emulatorWith, FAST_RETRY, type TestEmulator } from "../helpers/orgform.js";

const LIST = { method: "POST" as const, path: "/topapi/pbp/instance/group/member/list", body: { punch_group_id: "1", cursor: 0, size: 10 }, bucket: "list" };

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function connect(faults?: object, attempts = FAST_RETRY.attempts) {
  emulator = await emulatorWith({ dingtalk: { apps: [{ appKey: "k", appSecret: "secret-xyz" }], punchGroups: [{ punch_group_id: "1", biz_inst_id: "1", members: [] }] } });
  if (faults) await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify(faults) });
  const target = { name: "t", driver: "dingtalk", endpoint: `${emulator.url}/dingtalk`, credentials: { appKey: "k", appSecret: "secret-xyz" }, credentialRefs: {} };
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
});

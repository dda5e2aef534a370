import { describe, expect, it } from "vitest";
import { DriverError } from "../../src/model/errors.js";
import { planDir, useEmulator } from "../helpers/orgform.js";
import { ENV, GROUP, manifests, tenant, users } from "./dingtalk-fixtures.js";

const LIST = "/topapi/pbp/instance/group/member/list";
const emulators = useEmulator();

describe("DingTalk as the captured answers show it", () => {
  it("reads every member when the vendor serves pages shorter than asked", async () => {
    const emulator = await emulators.start(tenant(users(95), { limits: { pageSize: 30 } }));
    const dir = manifests(emulator.url, users(95));

    const { plan } = await planDir(dir, ENV);

    expect(plan.actions).toEqual([]);
    const lists = emulator.calls("dingtalk").filter((c) => c.path === LIST);
    expect(lists.map((c) => (c.body as { cursor: number; size: number }).cursor)).toEqual([0, 30, 60, 90]);
    expect(lists.every((c) => (c.body as { size: number }).size === 100)).toBe(true);
  });

  it("names the per-IP block and its wait instead of a missing errcode, without retrying", async () => {
    const emulator = await emulators.start(tenant(users(5), { limits: { ipCallsPer20s: 1 } }));
    const dir = manifests(emulator.url, users(5));

    const failure = await planDir(dir, ENV).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(DriverError);
    expect(failure).toMatchObject({ code: "IP blocked", vendorMessage: expect.stringMatching(/egress IP.*wait 5/) });
    expect(String((failure as Error).message)).not.toContain("errcode is missing");
    expect(emulator.calls()).toHaveLength(2);
  });

  it("accepts the numeric parameters as JSON numbers and as strings, as the official SDK sends them", async () => {
    const emulator = await emulators.start(tenant(users(3)));
    const token = (await (await fetch(`${emulator.url}/dingtalk/gettoken?appkey=app-1&appsecret=${ENV.DT_SECRET}`)).json()) as { access_token: string };
    const list = (body: unknown) =>
      fetch(`${emulator.url}/dingtalk${LIST}?access_token=${token.access_token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());

    const numbers = await list({ punch_group_id: GROUP, cursor: 1, size: 2 });
    const strings = await list({ punch_group_id: GROUP, cursor: "1", size: "2" });

    expect(strings).toMatchObject({ errcode: 0, result: { has_more: false, next_cursor: 3 } });
    expect((strings as { result: unknown }).result).toEqual((numbers as { result: unknown }).result);
  });
});

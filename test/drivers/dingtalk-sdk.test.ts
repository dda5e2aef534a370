import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../helpers/orgform.js";
import { GROUP, SECRET, tenant } from "./dingtalk-fixtures.js";

/** The published node-dingtalk client (a dev dependency), as its lib/api/client.js defines it. */
interface NodeDingTalkClient {
  request(url: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  post(api: string, data: unknown, opts: { accessToken: string }): Promise<Record<string, unknown>>;
}
type ClientClass = new (options: { corpid: string; corpsecret: string; host: string }) => NodeDingTalkClient;
const Client = createRequire(import.meta.url)("node-dingtalk/lib/api/client.js") as ClientClass;

const LIST = "topapi/pbp/instance/group/member/list";
const UPDATE = "topapi/pbp/instance/group/member/update";
const emulators = useEmulator();

/** A real client pointed at the emulator, and a token it obtained with appkey/appsecret. */
async function connect(members: string[]) {
  const emulator = await emulators.start(tenant(members));
  const host = `${emulator.url}/dingtalk`;
  // Its getAccessToken() sends the legacy corpid/corpsecret pair; an app key goes through request().
  const client = new Client({ corpid: "unused", corpsecret: "unused", host });
  const answer = await client.request(`${host}/gettoken`, { data: { appkey: "app-1", appsecret: SECRET } });
  return { emulator, client, accessToken: String(answer["access_token"]) };
}

const stored = (emulator: Awaited<ReturnType<typeof connect>>["emulator"]) =>
  (emulator.vendor("dingtalk").getState() as ReturnType<typeof tenant>["dingtalk"]).punchGroups[0]?.members.map((m) => m.member_id);

describe("node-dingtalk 2.1.0 against the emulator", () => {
  it("gets a token with appkey/appsecret, and a wrong secret fails with 40096", async () => {
    const { emulator, accessToken } = await connect([]);
    const client = new Client({ corpid: "unused", corpsecret: "unused", host: `${emulator.url}/dingtalk` });

    const wrong = await client.request(`${emulator.url}/dingtalk/gettoken`, { data: { appkey: "app-1", appsecret: "nope" } }).catch((e: unknown) => e);

    expect(accessToken).toMatch(/^[0-9a-f]{32}$/);
    expect(wrong).toMatchObject({ name: "DingTalkClientResponseError", code: 40096 });
    expect(emulator.calls().map((c) => [c.method, c.path, c.query["appkey"]])).toEqual([
      ["GET", "/gettoken", "app-1"],
      ["GET", "/gettoken", "app-1"],
    ]);
  });

  it("pages the member list with numbers and with strings, and parses every answer", async () => {
    const { emulator, client, accessToken } = await connect(["a", "b", "c"]);

    const first = await client.post(LIST, { punch_group_id: GROUP, cursor: 0, size: 2 }, { accessToken });
    const second = await client.post(LIST, { punch_group_id: GROUP, cursor: "2", size: "2" }, { accessToken });

    expect(first["result"]).toEqual({ has_more: true, next_cursor: 2, list: [{ member_id: "a", type: 0 }, { member_id: "b", type: 0 }] });
    expect(second["result"]).toEqual({ has_more: false, next_cursor: 3, list: [{ member_id: "c", type: 0 }] });
    const sent = emulator.calls().filter((c) => c.path === `/${LIST}`);
    expect(sent.map((c) => c.body)).toEqual([
      { punch_group_id: GROUP, cursor: 0, size: 2 },
      { punch_group_id: GROUP, cursor: "2", size: "2" },
    ]);
    expect(sent.every((c) => c.query["access_token"] !== undefined)).toBe(true);
  });

  it("updates members with sync_param nested and as a JSON string", async () => {
    const { emulator, client, accessToken } = await connect(["a"]);
    const sync = (add: string, remove: string) => ({ punch_group_id: GROUP, biz_inst_id: GROUP, add_member_list: [{ member_id: add, type: 0 }], delete_member_list: [{ member_id: remove, type: 0 }] });

    const nested = await client.post(UPDATE, { sync_param: sync("b", "a") }, { accessToken });
    const text = await client.post(UPDATE, { sync_param: JSON.stringify(sync("c", "b")) }, { accessToken });

    expect(nested).toMatchObject({ errcode: 0, punch_group_id: GROUP });
    expect(text).toMatchObject({ errcode: 0, punch_group_id: GROUP });
    expect(stored(emulator)).toEqual(["c"]);
  });

  it("gets the captured 88 / sub_code 40014 answer for a bad token, as an error it can read", async () => {
    const { client } = await connect(["a"]);

    const err = await client.post(LIST, { punch_group_id: GROUP, cursor: 0, size: 2 }, { accessToken: "bogus" }).catch((e: unknown) => e);

    expect(err).toMatchObject({ name: "DingTalkClientResponseError", code: 88, data: { sub_code: "40014", sub_msg: "不合法的access_token" } });
  });
});

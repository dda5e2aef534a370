import { XinrenxinshiClient } from "../../src/drivers/xinrenxinshi/client.js";
import { manifestDir } from "../helpers/orgform.js";

export const APP_KEY = "hr-sync-app";
export const SECRET = "xrxs-secret-%*#-9f2c";
export const ENV = { XRXS_APP_SECRET: SECRET };

/** 32-hex department ids that read well in tests. */
export const ID = {
  rd: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01",
  platform: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa02",
  infra: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa03",
  sales: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa04",
  seed: "66cb5a71fbd24afb831b1ed14ed0a36b",
};

export function dept(departmentId: string, code: string, name: string, extra: Record<string, unknown> = {}) {
  return { departmentId, code, name, ...extra };
}

/** An emulator state with one app, the given departments and a few employees and custom fields. */
export function tenant(departments: unknown[], extra: Record<string, unknown> = {}) {
  return {
    xinrenxinshi: {
      apps: [{ appKey: APP_KEY, appSecret: SECRET }],
      departments,
      employees: [
        { employeeId: "emp-head-1", name: "张三" },
        { employeeId: "emp-head-2", name: "李四" },
        { employeeId: "emp-hrbp", name: "王五" },
      ],
      customFields: [
        { name: "数值", type: "number" },
        { name: "单行文本", type: "text", maxLength: 10 },
        { name: "成立日期", type: "date" },
        { name: "级别", type: "option", options: ["A", "B", "C"] },
        { name: "地区精确到地级市", type: "city" },
        { name: "地区精确到区县", type: "district" },
      ],
      departmentTypes: [
        { departType: 0, departTypeName: "部门", isFixed: 1 },
        { departType: 3, departTypeName: "组", isFixed: 1 },
        { departType: 7, departTypeName: "实验室", isFixed: 0 },
      ],
      areas: [
        { id: 17, name: "湖北省", type: 2 },
        { id: 171, name: "武汉市", type: 3, parentId: 17 },
        { id: 1711, name: "洪山区", type: 4, parentId: 171 },
      ],
      ...extra,
    },
  };
}

/** A manifest folder: the target plus one department document with the given items (YAML lines). */
export function manifests(url: string, items: string[], targetExtra: string[] = ["limits: { requestsPerSecond: 50 }"]) {
  return manifestDir({
    "target.yaml": [
      "apiVersion: orgform/v1",
      "kind: Target",
      "name: hr",
      "driver: xinrenxinshi",
      `endpoint: ${url}/xinrenxinshi`,
      "credentials:",
      `  appKey: ${APP_KEY}`,
      "  appSecret: ${XRXS_APP_SECRET}",
      ...targetExtra,
    ].join("\n"),
    "departments.yaml": ["apiVersion: orgform/v1", "kind: xinrenxinshi.Department", "target: hr", "items:", ...items].join("\n"),
  });
}

/** A client with a token, for calling the emulator directly. */
export async function connectedClient(url: string, secret = SECRET): Promise<XinrenxinshiClient> {
  const client = new XinrenxinshiClient(`${url}/xinrenxinshi`, APP_KEY, secret);
  const tokenRequest = client.tokenRequest(Date.now());
  if (!tokenRequest) throw new Error("expected a token request");
  const prepared = client.prepare(tokenRequest, Date.now());
  const res = await fetch(prepared.url, { method: "POST", headers: prepared.headers, body: prepared.body });
  client.acceptToken(await res.json(), Date.now());
  return client;
}

/** One signed call as the client prepares it; `tamper` may change the body after signing. */
export async function signedCall(client: XinrenxinshiClient, path: string, body: Record<string, unknown>, opts: { now?: number; tamper?: (body: string) => string } = {}) {
  const prepared = client.prepare({ method: "POST", path, body, bucket: path }, opts.now ?? Date.now());
  const sent = opts.tamper ? opts.tamper(prepared.body ?? "") : prepared.body;
  const res = await fetch(prepared.url, { method: "POST", headers: prepared.headers, body: sent });
  return { status: res.status, json: (await res.json()) as { errcode?: number; errmsg?: string; data?: unknown; error?: string } };
}

import { dept, ENV, ID, manifests, tenant } from "../../drivers/xinrenxinshi-fixtures.js";
import { names, type Scenario } from "./scenario.js";

const KIND = "xinrenxinshi.Department";

/**
 * Live: tops T00..T07 with six children each, and six departments the manifests never name.
 * Desired (one serial write per action, as the vendor demands):
 * - T00, T01 and their children renamed; T07 retyped, its children given a head;
 * - T02's children moved under N00, a department created in the same apply;
 * - T03's code changed (departmentId pinned), so its children's parent follows;
 * - T04's children's codes changed (pinned);
 * - T05 deleted with its children; three of T06's children deleted, the others re-marked;
 * - N00..N09 created with fourteen children each, N00-C00 with three grandchildren.
 */
const tops = names(8, "T");
const children = (top: string, n = 6) => names(n, `${top}-C`);
const liveCodes = [...tops.flatMap((t) => [t, ...children(t)]), ...names(6, "KEEP")];
const ids = new Map(liveCodes.map((code, i) => [code, (0xc0ffee00 + i).toString(16).padStart(32, "0")]));
const id = (code: string) => ids.get(code) as string;
const liveDepts = liveCodes.map((code) => {
  const parent = code.includes("-C") ? code.slice(0, 3) : undefined;
  return dept(id(code), code, `${code.startsWith("KEEP") ? "保留" : "旧"}${code}`, parent ? { parentId: id(parent) } : {});
});

type Item = Record<string, unknown>;

function desiredItems(): Item[] {
  const items: Item[] = [];
  const keep = (code: string, parent?: string, extra: Item = {}) => items.push({ code, name: `旧${code}`, ...(parent ? { parent } : {}), ...extra });
  for (const t of ["T00", "T01"]) {
    items.push({ code: t, name: `新${t}` });
    for (const c of children(t)) items.push({ code: c, name: `新${c}`, parent: t });
  }
  keep("T02");
  for (const c of children("T02")) keep(c, "N00");
  items.push({ code: "R03", departmentId: id("T03"), name: "旧T03" });
  for (const c of children("T03")) keep(c, "R03");
  keep("T04");
  for (const c of children("T04")) items.push({ code: c.replace("T04", "Z04"), departmentId: id(c), name: `旧${c}`, parent: "T04" });
  for (const d of ["T05", ...children("T05")]) items.push({ code: d, absent: true });
  keep("T06");
  for (const [i, c] of children("T06").entries()) items.push(i < 3 ? { code: c, absent: true } : { code: c, name: `旧${c}`, parent: "T06", remark: "重组", type: 3 });
  keep("T07", undefined, { type: 3 });
  for (const c of children("T07")) keep(c, "T07", { adminId: "emp-head-2" });
  for (const n of names(10, "N")) {
    items.push({ code: n, name: `新建${n}`, type: 4 });
    for (const c of children(n, 14)) items.push({ code: c, name: `新建${c}`, parent: n });
  }
  for (const g of names(3, "N00-C00-G")) items.push({ code: g, name: `新建${g}`, parent: "N00-C00", hrbpId: "emp-hrbp" });
  return items;
}

export const xinrenxinshiScenario: Scenario = {
  driver: "xinrenxinshi",
  // Writes take 2 ms in the emulator instead of 10, to keep 200 serial writes quick.
  state: tenant(liveDepts, { limits: { writeDelayMs: 2 } }),
  env: ENV,
  wrongSecret: { variable: "XRXS_APP_SECRET", code: "invalid_client" },
  small: {
    state: tenant([dept(ID.rd, "RD", "研发部")]),
    env: ENV,
    manifests: (url) => manifests(url, ["  - { code: RD, name: 研发中心 }", "  - { code: OPS, name: 运维部 }"]),
  },
  rateLimits: true,
  token: { path: "/authorize/oauth/token", lapsedCode: "invalid_token" },

  // The vendor publishes no quota; this tenant allows 100 calls a second.
  manifests: (url) =>
    manifests(
      url,
      desiredItems().map((item) => `  - ${JSON.stringify(item)}`),
      ["limits: { requestsPerSecond: 100 }"],
    ),

  identity: (r) => String(r.ids["departmentId"]),

  touches(call) {
    const body = call.body as Record<string, unknown>;
    if (call.path === "/v5/department/create") return [{ kind: KIND, op: "create", key: String(body["code"]) }];
    if (call.path === "/v5/department/update") return [{ kind: KIND, op: "update", identity: String(body["departmentId"]) }];
    if (call.path === "/v5/department/delete") return [{ kind: KIND, op: "delete", identity: String(body["departmentId"]) }];
    return [];
  },
};

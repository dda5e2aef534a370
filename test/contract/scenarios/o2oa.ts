import type { LiveResource } from "../../../src/model/resource.js";
import { ENV, LOGIN, manifests, SYNC, tenant, type UnitState } from "../../drivers/o2oa-fixtures.js";
import { names, type Scenario } from "./scenario.js";

const KIND = "o2oa.Unit";

/**
 * O2OA runs one sync script call per unit, one at a time (5 calls a second), so this scenario
 * has about 35 actions and puts most of its changes in sets: duty members, controllers, types,
 * attribute and duty names. Live: hq; D00..D09 under it, each with sub-units S0 and S1, two
 * attributes, duties 部门领导 (four members) and 副职 (two), and two controllers; K0 and K1,
 * which the manifests never name. Desired:
 * - D00..D05: two leaders out and five in, a controller swapped, the address changed;
 * - D06: 副职 dropped as a whole, 秘书 added; D07's unique changed to R07 (previousKeys), so
 *   its sub-units follow; D08 deleted with its sub-units; D09 renamed and moved under D00;
 * - every S0 of D00..D05 retyped and described; N0..N4 created, each with two sub-units.
 */
const person = (n: number) => `人员${n}@p${n}@I`;
const people = (from: number, n: number) => Array.from({ length: n }, (_, i) => person(from + i));
const depts = names(10, "D");

const liveUnits: UnitState[] = [
  { name: "总部", unique: "hq" },
  ...depts.flatMap((d, i): UnitState[] => [
    {
      name: `部门${d}`,
      unique: d,
      superior: "hq",
      typeList: ["部门"],
      controllerList: people(900 + 2 * i, 2),
      attributes: [
        { name: "地址", value: ["杭州"] },
        { name: "电话", value: [`0571-${i}`] },
      ],
      duties: [
        { name: "部门领导", value: people(10 * i, 4) },
        { name: "副职", value: people(10 * i + 4, 2) },
      ],
    },
    { name: `小组${d}-S0`, unique: `${d}-S0`, superior: d, typeList: ["小组"] },
    { name: `小组${d}-S1`, unique: `${d}-S1`, superior: d, typeList: ["小组"] },
  ]),
  { name: "保留0", unique: "K0", superior: "hq" },
  { name: "保留1", unique: "K1", superior: "hq" },
];

type Item = Record<string, unknown>;
const asItem = (u: UnitState): Item => ({
  unique: u.unique,
  name: u.name,
  ...(u.superior ? { superior: u.superior } : {}),
  ...(u.typeList ? { typeList: u.typeList } : {}),
  ...(u.controllerList ? { controllerList: u.controllerList } : {}),
  ...(u.attributes ? { attributeList: u.attributes } : {}),
  ...(u.duties ? { dutyList: u.duties } : {}),
});

function desired(): Item[] {
  const items: Item[] = [asItem(liveUnits[0] as UnitState)];
  for (const [i, d] of depts.entries()) {
    const [unit, s0, s1] = liveUnits.filter((u) => u.unique === d || u.superior === d).map(asItem) as [Item, Item, Item];
    if (i <= 5) {
      const leaders = [...people(10 * i + 2, 2), ...people(500 + 5 * i, 5)];
      unit["controllerList"] = [person(900 + 2 * i), person(950 + i)];
      unit["attributeList"] = [{ name: "地址", value: ["上海"] }, { name: "电话", value: [`0571-${i}`] }];
      unit["dutyList"] = [{ name: "部门领导", value: leaders }, { name: "副职", value: people(10 * i + 4, 2) }];
      items.push(unit, { ...s0, typeList: ["项目组"], description: "重组" }, s1);
    } else if (i === 6) {
      items.push({ ...unit, dutyList: [{ name: "部门领导", value: people(60, 4) }, { name: "秘书", value: people(600, 3) }] }, s0, s1);
    } else if (i === 7) {
      items.push({ ...unit, unique: "R07", previousKeys: [d] }, { ...s0, superior: "R07" }, { ...s1, superior: "R07" });
    } else if (i === 8) {
      items.push(...[unit, s0, s1].map((u) => ({ unique: u["unique"], name: u["name"], absent: true })));
    } else {
      items.push({ ...unit, name: "并入部门", superior: "D00" }, s0, s1);
    }
  }
  for (const n of names(5, "N")) {
    const duties = [{ name: "部门领导", value: people(700 + 10 * Number(n.slice(1)), 4) }];
    items.push({ unique: n, name: `新部门${n}`, superior: "hq", typeList: ["部门"], controllerList: people(800, 3), attributeList: [{ name: "地址", value: ["北京"] }], dutyList: duties });
    for (const s of ["S0", "S1"]) items.push({ unique: `${n}-${s}`, name: `新小组${n}-${s}`, superior: n, typeList: ["小组"], dutyList: [{ name: "组长", value: people(850, 3) }] });
  }
  return items;
}

/** Set fields as a sync body carries them, in canonical form. */
function bodySets(body: Record<string, unknown>): Record<string, string[]> {
  const subs = (field: string) => (body[field] as { name: string; value: string[] }[] | undefined) ?? [];
  const sets: Record<string, string[]> = {
    typeList: (body["typeList"] as string[] | undefined) ?? [],
    controllerList: (body["controllerList"] as string[] | undefined) ?? [],
    attributes: subs("attributeList").map((a) => a.name),
    duties: subs("dutyList").map((d) => d.name),
  };
  for (const d of subs("dutyList")) sets[`duty.${d.name}`] = d.value;
  return sets;
}

export const o2oaScenario: Scenario = {
  driver: "o2oa",
  state: tenant(liveUnits),
  env: ENV,
  wrongSecret: { variable: "O2OA_PASSWORD", code: "ExceptionPersonNotExistOrInvalidPassword" },
  small: {
    state: tenant([{ name: "总部", unique: "hq" }], { invokeRefusesAnonymous: true }),
    env: ENV,
    manifests: (url) => manifests(url, [{ unique: "hq", name: "总部" }, { unique: "rd", name: "研发部", superior: "hq" }, { unique: "ops", name: "运维部", superior: "hq" }]),
  },
  // O2OA has no rate limiting and no "too many calls" answer.
  rateLimits: false,
  token: { path: LOGIN, lapsedCode: "ExceptionAccessDenied" },
  manifests: (url) => manifests(url, desired()),

  identity: (r: LiveResource) => String(r.ids["id"]),

  touches(call, known) {
    if (call.path !== SYNC) return [];
    const body = call.body as Record<string, unknown>;
    const key = String(body["unique"]);
    if (body["action"] !== "update") return [{ kind: KIND, op: body["action"] === "delete" ? "delete" : "create", key }];
    // An update names the unit by its unique (by its current distinguished name when the unique
    // itself changes) and sends every set whole.
    const units = known.before.filter((r) => r.kind === KIND);
    const before = units.find((r) => r.key === key) ?? units.find((r) => r.ids["distinguishedName"] === body["distinguishedName"]);
    const sent = bodySets(body);
    const add: Record<string, string[]> = {};
    const remove: Record<string, string[]> = {};
    for (const field of new Set([...Object.keys(sent), ...Object.keys(before?.fields ?? {})])) {
      const was = before?.fields[field];
      if (!field.match(/^(typeList|controllerList|attributes|duties|duty\..*)$/) || (was !== undefined && !Array.isArray(was))) continue;
      const old = (was as string[] | undefined) ?? [];
      const now = sent[field] ?? [];
      add[field] = now.filter((m) => !old.includes(m));
      remove[field] = old.filter((m) => !now.includes(m));
    }
    return [{ kind: KIND, op: "update", key, add, remove }];
  },
};

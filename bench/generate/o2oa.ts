import { SECRETS, type GeneratedOrg, type OrgOptions } from "../generate.js";
import { pad, type Random } from "../random.js";
import { share, header } from "./common.js";
import { planTree } from "./tree.js";

export function o2oa(org: GeneratedOrg, options: OrgOptions, rnd: Random): void {
  const n = options.shape.units;
  const tree = planTree(n, options.drift, rnd);
  const unique = (i: number) => `unit-${pad(i + 1, 5)}`;
  const uuid = (prefix: string, i: number) => `${prefix}${pad(i, 7)}-0000-4000-8000-000000000000`;
  const dutyChanged = new Set(rnd.sample([...Array(n).keys()].filter((i) => !tree.created.has(i)), share(n, options.drift.update / 3)));
  const lines = header("o2oa.Unit", "oa");
  const units: Record<string, unknown>[] = [];
  let attributes = 0;
  let duties = 0;
  for (let i = 0; i < n; i++) {
    const parent = tree.parent[i] as number;
    const head = `员工${pad(i + 1, 6)}@P${pad(i + 1, 6)}@I`;
    const hasAttribute = i % 2 === 0;
    lines.push(`  - unique: ${unique(i)}`, `    name: 单位${pad(i + 1, 5)}`, ...(parent >= 0 ? [`    superior: ${unique(parent)}`] : []), "    typeList: [部门]");
    if (hasAttribute) lines.push("    attributeList:", "      - name: 成本中心", `        value: [CC-${pad(i + 1, 5)}]`);
    lines.push("    dutyList:", "      - name: 负责人", `        value: [${head}]`);
    if (tree.created.has(i)) continue;
    const liveParent = tree.movedFrom.get(i) ?? parent;
    units.push({
      id: uuid("a", i),
      name: tree.renamed.has(i) ? `单位${pad(i + 1, 5)}旧` : `单位${pad(i + 1, 5)}`,
      unique: unique(i),
      ...(liveParent >= 0 ? { superior: unique(liveParent) } : {}),
      typeList: ["部门"],
      orderNumber: i + 1,
      attributes: hasAttribute ? [{ id: uuid("b", i), name: "成本中心", value: [`CC-${pad(i + 1, 5)}`], orderNumber: 1 }] : [],
      duties: [{ id: uuid("c", i), name: "负责人", value: [dutyChanged.has(i) ? `前任${pad(i + 1, 6)}@X${pad(i + 1, 6)}@I` : head], orderNumber: 1 }],
    });
    attributes += hasAttribute ? 1 : 0;
    duties += 1;
  }
  tree.extra.forEach((parent, j) => {
    units.push({ id: uuid("d", j), name: `撤销单位${pad(j + 1, 5)}`, unique: `unit-x${pad(j + 1, 5)}`, ...(parent >= 0 ? { superior: unique(parent) } : {}), typeList: ["部门"], orderNumber: n + j + 1, attributes: [], duties: [] });
  });
  org.files.push({ name: "units.yaml", text: `${lines.join("\n")}\n` });
  org.desired["o2oa.Unit"] = n;
  // No identities are seeded: their listing (read to protect units that hold some) is one empty page.
  org.live.o2oa = { units: units.length, attributes, duties, identities: 0 };
  org.state["o2oa"] = { accounts: [{ credential: "orgform-sync", password: SECRETS.O2OA_PASSWORD }], units };
}

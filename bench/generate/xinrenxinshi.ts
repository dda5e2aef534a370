import { SECRETS, type GeneratedOrg, type OrgOptions } from "../generate.js";
import { pad, type Random } from "../random.js";
import { header } from "./common.js";
import { planTree } from "./tree.js";

export function xinrenxinshi(org: GeneratedOrg, options: OrgOptions, rnd: Random): void {
  const n = options.shape.departments;
  const tree = planTree(n, options.drift, rnd);
  const code = (i: number) => `D${pad(i + 1, 5)}`;
  const id = (i: number) => (i + 1).toString(16).padStart(32, "0");
  const lines = header("xinrenxinshi.Department", "hr");
  const departments: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const parent = tree.parent[i] as number;
    const type = parent === -1 ? 1 : 0;
    lines.push(`  - code: ${code(i)}`, `    name: 部门${pad(i + 1, 5)}`, ...(parent >= 0 ? [`    parent: ${code(parent)}`] : []), `    type: ${type}`);
    if (tree.created.has(i)) continue;
    const liveParent = tree.movedFrom.get(i) ?? parent;
    departments.push({
      departmentId: id(i),
      code: code(i),
      name: tree.renamed.has(i) ? `部门${pad(i + 1, 5)}(旧)` : `部门${pad(i + 1, 5)}`,
      ...(liveParent >= 0 ? { parentId: id(liveParent) } : {}),
      type,
    });
  }
  tree.extra.forEach((parent, j) => {
    departments.push({ departmentId: (0x100000 + j).toString(16).padStart(32, "0"), code: `DX${pad(j + 1, 5)}`, name: `撤销部门${pad(j + 1, 5)}`, ...(parent >= 0 ? { parentId: id(parent) } : {}), type: 0 });
  });
  org.files.push({ name: "departments.yaml", text: `${lines.join("\n")}\n` });
  org.desired["xinrenxinshi.Department"] = n;
  org.live.xinrenxinshiDepartments = departments.length;
  org.state["xinrenxinshi"] = { apps: [{ appKey: "bench-hr", appSecret: SECRETS.XRXS_APP_SECRET }], departments };
}

import { pad, Random } from "./random.js";

/**
 * Synthetic orgs for the benchmark: the manifests (YAML text) and an emulator state that
 * differs from them by a realistic fraction (objects created, deleted, renamed, moved,
 * members added and removed), for each of the five vendors.
 */

export type Vendor = "dingtalk" | "isdp" | "xinrenxinshi" | "jiandaoyun" | "o2oa";
export const VENDORS: readonly Vendor[] = ["dingtalk", "isdp", "xinrenxinshi", "jiandaoyun", "o2oa"];

/** How much of the live state differs from the manifests (fractions of each kind). */
export interface Drift {
  /** Objects in the manifests that do not exist yet. */
  create: number;
  /** Live objects the manifests delete (absent, or unmanaged with `unmanaged: delete`). */
  delete: number;
  /** Live objects with a field that differs (a name, an organisation, an e-mail). */
  update: number;
  /** Live objects under another parent. */
  move: number;
  /** Roles and punch groups whose members differ a little (3 to add, 2 to remove). */
  members: number;
  /** Roles and punch groups reorganised (150 to add, 120 to remove: more than one chunk). */
  bigMembers: number;
}

export const REALISTIC_DRIFT: Drift = { create: 0.02, delete: 0.01, update: 0.03, move: 0.005, members: 0.05, bigMembers: 0.005 };

export interface Shape {
  persons: number;
  departments: number;
  units: number;
  roleGroups: number;
  roles: number;
  punchGroups: number;
  /** Members of a role or punch group: uniform in [min, max]. */
  membersPerRole: [number, number];
  membersPerGroup: [number, number];
}

/** The proportions: at 100k persons, 10k departments and units, 1k roles and punch groups of about 100. */
export function shapeFor(persons: number): Shape {
  return {
    persons,
    departments: Math.round(persons / 10),
    units: Math.round(persons / 10),
    roleGroups: Math.max(1, Math.round(persons / 1000)),
    roles: Math.round(persons / 100),
    punchGroups: Math.round(persons / 100),
    membersPerRole: [50, 150],
    membersPerGroup: [50, 150],
  };
}

export interface OrgOptions {
  shape: Shape;
  drift: Drift;
  vendors: readonly Vendor[];
  /** Lift orgform's own pacing in the Target documents (the benchmark's "limits off" runs). */
  unlimitedTargets: boolean;
  /** Emulator quotas: `off`, or the vendors' published values. */
  emulatorLimits: "off" | "published";
  /** Persons per ISDP manifest file. */
  personsPerFile?: number;
  seed?: number;
}

/** What the emulator was seeded with, in the numbers fetch's minimum call count depends on. */
export interface LiveCounts {
  dingtalkGroupMembers: number[];
  isdpActive: number;
  xinrenxinshiDepartments: number;
  jiandaoyunGroups: { own: number; synced: number };
  jiandaoyunRoles: { own: number; synced: number };
  jiandaoyunRoleMembers: number[];
  o2oa: { units: number; attributes: number; duties: number };
}

export interface GeneratedOrg {
  files: { name: string; text: string }[];
  state: Record<string, unknown>;
  live: LiveCounts;
  /** Objects and memberships in the manifests, per kind. */
  desired: Record<string, number>;
  memberships: { roles: number; punchGroups: number };
}

export const SECRETS = {
  DINGTALK_APP_SECRET: "bench-dingtalk-secret",
  ISDP_APP_TOKEN: "bench-isdp-token",
  XRXS_APP_SECRET: "bench-xinrenxinshi-secret",
  JDY_API_KEY: "bench-jiandaoyun-key",
  O2OA_PASSWORD: "bench-o2oa-password",
} as const;

/** The environment a run needs: endpoints on the emulator, and the secrets. */
export function environment(emulatorUrl: string): Record<string, string> {
  return {
    ...SECRETS,
    DINGTALK_ENDPOINT: `${emulatorUrl}/dingtalk`,
    ISDP_ENDPOINT: `${emulatorUrl}/isdp`,
    XRXS_ENDPOINT: `${emulatorUrl}/xinrenxinshi`,
    JDY_ENDPOINT: `${emulatorUrl}/jiandaoyun`,
    O2OA_ENDPOINT: `${emulatorUrl}/o2oa`,
  };
}

/** Build the manifests and the emulator state for one org. */
export function generateOrg(options: OrgOptions): GeneratedOrg {
  const rnd = new Random(options.seed ?? 20240609);
  const org: GeneratedOrg = {
    files: [],
    state: {},
    live: {
      dingtalkGroupMembers: [],
      isdpActive: 0,
      xinrenxinshiDepartments: 0,
      jiandaoyunGroups: { own: 0, synced: 0 },
      jiandaoyunRoles: { own: 0, synced: 0 },
      jiandaoyunRoleMembers: [],
      o2oa: { units: 0, attributes: 0, duties: 0 },
    },
    desired: {},
    memberships: { roles: 0, punchGroups: 0 },
  };
  org.files.push({ name: "targets.yaml", text: targetsYaml(options) });
  const users = Array.from({ length: options.shape.persons }, (_, i) => `u${pad(i + 1, 6)}`);
  const members = new MemberPool(users);
  for (const vendor of options.vendors) {
    switch (vendor) {
      case "dingtalk":
        dingtalk(org, options, rnd, users, members);
        break;
      case "isdp":
        isdp(org, options, rnd);
        break;
      case "xinrenxinshi":
        xinrenxinshi(org, options, rnd);
        break;
      case "jiandaoyun":
        jiandaoyun(org, options, rnd, users, members);
        break;
      case "o2oa":
        o2oa(org, options, rnd);
        break;
    }
  }
  return org;
}

/** How many of `n` objects a fraction touches: at least one, so every path runs at every size. */
function share(n: number, fraction: number): number {
  return fraction <= 0 || n === 0 ? 0 : Math.min(n, Math.max(1, Math.round(n * fraction)));
}

/** Members handed out in turn, so that every user is in about one role and one punch group. */
class MemberPool {
  private next = 0;

  constructor(private readonly users: string[]) {}

  take(count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count && i < this.users.length; i++) {
      out.push(this.users[this.next % this.users.length] as string);
      this.next++;
    }
    return out;
  }

  /** Users not in `exclude`, drawn at random. */
  others(rnd: Random, count: number, exclude: Set<string>): string[] {
    const out = new Set<string>();
    while (out.size < count && out.size + exclude.size < this.users.length) {
      const u = rnd.pick(this.users);
      if (!exclude.has(u)) out.add(u);
    }
    return [...out];
  }
}

function header(kind: string, target: string): string[] {
  return ["apiVersion: orgform/v1", `kind: ${kind}`, `target: ${target}`, "items:"];
}

function q(text: string): string {
  return JSON.stringify(text);
}

function targetsYaml(options: OrgOptions): string {
  const unlimited = options.unlimitedTargets ? ["limits: { requestsPerSecond: 1000000 }"] : [];
  const docs: Record<Vendor, string[]> = {
    dingtalk: [
      "name: attendance",
      "driver: dingtalk",
      "endpoint: ${DINGTALK_ENDPOINT}",
      "credentials:", "  appKey: bench-app", "  appSecret: ${DINGTALK_APP_SECRET}",
      "policy:",
      "  dingtalk.PunchGroup: { maxRemoveCount: 1000000 }",
    ],
    isdp: [
      "name: site",
      "driver: isdp",
      "endpoint: ${ISDP_ENDPOINT}",
      "credentials:", "  clientId: isdp-saas-openapi", '  username: "1001234567"', "  password: ${ISDP_APP_TOKEN}",
      "policy:",
      "  isdp.Person: { maxDeleteCount: 1000000 }",
    ],
    xinrenxinshi: [
      "name: hr",
      "driver: xinrenxinshi",
      "endpoint: ${XRXS_ENDPOINT}",
      "credentials:", "  appKey: bench-hr", "  appSecret: ${XRXS_APP_SECRET}",
      "policy:",
      "  xinrenxinshi.Department: { unmanaged: delete, maxDeleteCount: 1000000 }",
    ],
    jiandaoyun: [
      "name: forms",
      "driver: jiandaoyun",
      "endpoint: ${JDY_ENDPOINT}",
      "credentials:", "  apiKey: ${JDY_API_KEY}",
      "policy:",
      "  jiandaoyun.Role: { unmanaged: delete, maxDeleteCount: 1000000, maxRemoveCount: 1000000 }",
    ],
    o2oa: [
      "name: oa",
      "driver: o2oa",
      "endpoint: ${O2OA_ENDPOINT}",
      "credentials:", "  credential: orgform-sync", "  password: ${O2OA_PASSWORD}",
      "policy:",
      "  o2oa.Unit: { unmanaged: delete, maxDeleteCount: 1000000 }",
    ],
  };
  return `${options.vendors.map((v) => ["apiVersion: orgform/v1", "kind: Target", ...docs[v], ...unlimited].join("\n")).join("\n---\n")}\n`;
}

// ---------------------------------------------------------------- DingTalk punch groups

function dingtalk(org: GeneratedOrg, options: OrgOptions, rnd: Random, users: string[], pool: MemberPool): void {
  const { punchGroups, membersPerGroup } = options.shape;
  const ids = Array.from({ length: punchGroups }, (_, i) => i);
  const big = new Set(rnd.sample(ids, share(punchGroups, options.drift.bigMembers)));
  const small = new Set(rnd.sample(ids.filter((i) => !big.has(i)), share(punchGroups, options.drift.members)));
  const lines = header("dingtalk.PunchGroup", "attendance");
  const groups: Record<string, unknown>[] = [];
  for (const i of ids) {
    const id = `PG${pad(i + 1, 5)}`;
    const desired = pool.take(big.has(i) ? 220 : rnd.int(...membersPerGroup));
    let live = desired;
    if (big.has(i)) live = [...desired.slice(0, desired.length - 150), ...pool.others(rnd, 120, new Set(desired))];
    else if (small.has(i)) live = [...desired.slice(0, desired.length - 3), ...pool.others(rnd, 2, new Set(desired))];
    lines.push(`  - punch_group_id: ${id}`, `    biz_inst_id: BI${pad(i + 1, 5)}`, "    members:", ...desired.map((m) => `      - ${m}`));
    groups.push({ punch_group_id: id, biz_inst_id: `BI${pad(i + 1, 5)}`, members: live.map((m) => ({ member_id: m, type: 0 })) });
    org.live.dingtalkGroupMembers.push(live.length);
    org.memberships.punchGroups += desired.length;
  }
  org.files.push({ name: "punch-groups.yaml", text: `${lines.join("\n")}\n` });
  org.desired["dingtalk.PunchGroup"] = punchGroups;
  org.state["dingtalk"] = {
    apps: [{ appKey: "bench-app", appSecret: SECRETS.DINGTALK_APP_SECRET }],
    users,
    punchGroups: groups,
    ...(options.emulatorLimits === "published" ? { limits: { qps: 20 } } : {}),
  };
}

// ---------------------------------------------------------------- Huawei ISDP persons

function isdp(org: GeneratedOrg, options: OrgOptions, rnd: Random): void {
  const n = options.shape.persons;
  const departments = Math.max(1, options.shape.departments);
  const ids = Array.from({ length: n }, (_, i) => i);
  const created = new Set(rnd.sample(ids, share(n, options.drift.create)));
  const updated = new Set(rnd.sample(ids.filter((i) => !created.has(i)), share(n, options.drift.update)));
  const leavers = share(n, options.drift.delete);
  const person = (i: number) => ({
    code: `P${pad(i + 1, 6)}`,
    personName: `员工${pad(i + 1, 6)}`,
    orgNo: `D${pad((i % departments) + 1, 5)}`,
    email: `p${pad(i + 1, 6)}@example.com`,
    phone: `138${pad(i + 1, 8)}`,
  });
  const perFile = options.personsPerFile ?? 10_000;
  const persons: Record<string, unknown>[] = [];
  let lines: string[] = [];
  let file = 0;
  const flush = () => {
    if (lines.length > 4) org.files.push({ name: `persons-${pad(++file, 3)}.yaml`, text: `${lines.join("\n")}\n` });
    lines = header("isdp.Person", "site");
  };
  flush();
  for (const i of ids) {
    const p = person(i);
    lines.push(
      `  - personCode: ${p.code}`,
      `    personName: ${p.personName}`,
      "    personType: Employee",
      `    orgNo: ${p.orgNo}`,
      `    email: ${p.email}`,
      `    phone: ${q(p.phone)}`,
      "    language: zh_CN",
    );
    if ((i + 1) % perFile === 0) flush();
    if (created.has(i)) continue;
    const live = { ...p };
    if (updated.has(i)) {
      // A third each: renamed, moved to another organisation, new e-mail address.
      if (i % 3 === 0) live.personName = `${p.personName}(旧)`;
      else if (i % 3 === 1) live.orgNo = `D${pad(((i + 7) % departments) + 1, 5)}`;
      else live.email = `old.${p.email}`;
    }
    persons.push({
      personCode: `${p.code}@hw`,
      personId: 5_000_000 + i + 1,
      personStatus: "OpenAccount",
      personName: live.personName,
      personType: "Employee",
      orgNo: live.orgNo,
      email: live.email,
      phone: live.phone,
      language: "zh_CN",
    });
  }
  // Leavers: still active, written down as absent.
  for (let j = 0; j < leavers; j++) {
    const code = `PX${pad(j + 1, 6)}`;
    lines.push(`  - personCode: ${code}`, "    absent: true");
    persons.push({ personCode: `${code}@hw`, personId: 6_000_000 + j + 1, personStatus: "OpenAccount", personName: `离职${pad(j + 1, 6)}`, personType: "Employee" });
  }
  flush();
  // A few console-made accounts that orgform leaves alone (no @hw suffix).
  for (let j = 0; j < 5; j++) persons.push({ personCode: `admin${j + 1}`, personId: 4_000_000 + j + 1, personStatus: "OpenAccount", personName: `管理员${j + 1}`, personType: "Admin" });
  org.live.isdpActive = persons.length;
  org.desired["isdp.Person"] = n + leavers;
  org.state["isdp"] = {
    clients: [{ client_id: "isdp-saas-openapi", username: "1001234567", password: SECRETS.ISDP_APP_TOKEN }],
    persons,
    limits: { batch: 100, page: 200 },
  };
}

// ---------------------------------------------------------------- trees (departments, units)

interface TreePlan {
  /** Parent index of each node (-1 at the top). */
  parent: number[];
  leaves: number[];
  inner: number[];
  created: Set<number>;
  renamed: Set<number>;
  /** Node → its parent in the live state, for nodes that moved. */
  movedFrom: Map<number, number>;
  /** Live-only leaves to delete: their live parent. */
  extra: number[];
}

/** A forest of `n` nodes, 10 roots and 10 children per node; drift applied to leaves and inner nodes. */
function planTree(n: number, drift: Drift, rnd: Random): TreePlan {
  const parent = Array.from({ length: n }, (_, i) => (i < 10 ? -1 : Math.floor(i / 10) - 1));
  const hasChild = new Array<boolean>(n).fill(false);
  for (const p of parent) if (p >= 0) hasChild[p] = true;
  const all = Array.from({ length: n }, (_, i) => i);
  const leaves = all.filter((i) => !hasChild[i]);
  const inner = all.filter((i) => hasChild[i]);
  const created = new Set(rnd.sample(leaves, share(n, drift.create)));
  const existing = all.filter((i) => !created.has(i));
  const renamed = new Set(rnd.sample(existing, share(n, drift.update)));
  const movedFrom = new Map<number, number>();
  const parents = inner.length ? inner : [];
  for (const leaf of rnd.sample(leaves.filter((i) => !created.has(i) && parent[i] !== -1), share(n, drift.move))) {
    const others = parents.filter((p) => p !== parent[leaf]);
    if (others.length) movedFrom.set(leaf, rnd.pick(others));
  }
  const extra = Array.from({ length: share(n, drift.delete) }, () => (parents.length ? rnd.pick(parents) : -1));
  return { parent, leaves, inner, created, renamed, movedFrom, extra };
}

// ---------------------------------------------------------------- Xinrenxinshi departments

function xinrenxinshi(org: GeneratedOrg, options: OrgOptions, rnd: Random): void {
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

// ---------------------------------------------------------------- O2OA units

function o2oa(org: GeneratedOrg, options: OrgOptions, rnd: Random): void {
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
  org.live.o2oa = { units: units.length, attributes, duties };
  org.state["o2oa"] = { accounts: [{ credential: "orgform-sync", password: SECRETS.O2OA_PASSWORD }], units };
}

// ---------------------------------------------------------------- Jiandaoyun role groups and roles

function jiandaoyun(org: GeneratedOrg, options: OrgOptions, rnd: Random, users: string[], pool: MemberPool): void {
  const { roleGroups, roles, membersPerRole } = options.shape;
  const groupName = (g: number) => `角色组${pad(g + 1, 3)}`;
  const groupNo = (g: number) => 2600 + g;
  const ids = Array.from({ length: roles }, (_, i) => i);
  const created = new Set(rnd.sample(ids, share(roles, options.drift.create)));
  const existing = ids.filter((i) => !created.has(i));
  const big = new Set(rnd.sample(existing, share(roles, options.drift.bigMembers)));
  const small = new Set(rnd.sample(existing.filter((i) => !big.has(i)), share(roles, options.drift.members)));
  const groupLines = header("jiandaoyun.RoleGroup", "forms");
  for (let g = 0; g < roleGroups; g++) groupLines.push(`  - name: ${groupName(g)}`);
  const lines = header("jiandaoyun.Role", "forms");
  const liveRoles: Record<string, unknown>[] = [];
  for (const i of ids) {
    const g = i % roleGroups;
    const name = `角色${pad(i + 1, 5)}`;
    const desired = pool.take(big.has(i) ? 220 : rnd.int(...membersPerRole));
    lines.push(`  - name: ${name}`, `    group: ${groupName(g)}`, "    members:", ...desired.map((m) => `      - ${m}`));
    org.memberships.roles += desired.length;
    if (created.has(i)) continue;
    let live = desired;
    if (big.has(i)) live = [...desired.slice(0, desired.length - 150), ...pool.others(rnd, 120, new Set(desired))];
    else if (small.has(i)) live = [...desired.slice(0, desired.length - 3), ...pool.others(rnd, 2, new Set(desired))];
    liveRoles.push({ role_no: 3000 + i, group_no: groupNo(g), name, members: live });
    org.live.jiandaoyunRoleMembers.push(live.length);
  }
  const extra = share(roles, options.drift.delete);
  for (let j = 0; j < extra; j++) {
    const members = pool.others(rnd, 20, new Set());
    liveRoles.push({ role_no: 9000 + j, group_no: groupNo(j % roleGroups), name: `旧角色${pad(j + 1, 4)}`, members });
    org.live.jiandaoyunRoleMembers.push(members.length);
  }
  org.files.push({ name: "role-groups.yaml", text: `${groupLines.join("\n")}\n` });
  org.files.push({ name: "roles.yaml", text: `${lines.join("\n")}\n` });
  org.desired["jiandaoyun.RoleGroup"] = roleGroups;
  org.desired["jiandaoyun.Role"] = roles;
  org.live.jiandaoyunGroups = { own: roleGroups, synced: 0 };
  org.live.jiandaoyunRoles = { own: liveRoles.length, synced: 0 };
  const unlimited = Object.fromEntries(JIANDAOYUN_PATHS.map((p) => [p, 1_000_000]));
  org.state["jiandaoyun"] = {
    apiKeys: [SECRETS.JDY_API_KEY],
    mode: "public",
    users: users.map((u) => ({ username: u, name: u, departments: [1] })),
    roleGroups: Array.from({ length: roleGroups }, (_, g) => ({ group_no: groupNo(g), name: groupName(g), type: 0, status: 1 })),
    roles: liveRoles,
    // Without `limits` the emulator enforces the published quotas (50/s per company, 30/20/10 per API).
    ...(options.emulatorLimits === "off" ? { limits: { company: 1_000_000, endpoints: unlimited } } : {}),
  };
}

const JIANDAOYUN_PATHS = [
  "/api/v5/corp/role_group/list",
  "/api/v5/corp/role_group/create",
  "/api/v5/corp/role_group/update",
  "/api/v5/corp/role_group/delete",
  "/api/v5/corp/role/list",
  "/api/v5/corp/role/create",
  "/api/v5/corp/role/update",
  "/api/v5/corp/role/delete",
  "/api/v5/corp/role/user/list",
  "/api/v5/corp/role/add_members",
  "/api/v5/corp/role/remove_members",
];

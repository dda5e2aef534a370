import { pad, Random } from "./random.js";
import { MemberPool } from "./generate/common.js";
import { dingtalk } from "./generate/dingtalk.js";
import { isdp } from "./generate/isdp.js";
import { jiandaoyun } from "./generate/jiandaoyun.js";
import { o2oa } from "./generate/o2oa.js";
import { targetsYaml } from "./generate/targets.js";
import { xinrenxinshi } from "./generate/xinrenxinshi.js";

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
  o2oa: { units: number; attributes: number; duties: number; identities: number };
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
      o2oa: { units: 0, attributes: 0, duties: 0, identities: 0 },
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

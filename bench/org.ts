import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pad } from "./random.js";
import { environment } from "./generate.js";
import { orgModel } from "./orgform.js";

/**
 * Org-model resolution on its own: a directory of N people, N/10 departments (a forest of 10
 * roots, 10 children per node) and N/50 teams of 50, with one ISDP person bound to each Person
 * (`itemsFrom: people`), N/100 DingTalk punch groups whose members are a department subtree and a
 * team, and N/100 Jiandaoyun roles whose members are two teams and a person. Timed: building the
 * directory and resolving every vendor document against it (parsing and validation are not).
 */

export interface OrgResolutionRun {
  persons: number;
  departments: number;
  teams: number;
  documents: number;
  /** Items the resolution produced (ISDP persons, punch groups, roles). */
  items: number;
  /** Account ids the selectors expanded to, summed over the items. */
  members: number;
  directoryMs: number;
  resolveMs: number;
  totalMs: number;
}

export function orgFilesFor(n: number): Record<string, string> {
  const departments = Math.max(10, Math.round(n / 10));
  const teams = Math.max(1, Math.round(n / 50));
  const groups = Math.max(1, Math.round(n / 100));
  const person = (i: number) => `p${pad(i, 6)}`;
  const people = ["apiVersion: orgform/v1", "kind: Person", "items:"];
  for (let i = 0; i < n; i++) {
    people.push(`  - { handle: ${person(i)}, name: 员工${i}, email: ${person(i)}@example.com, mobile: "138${pad(i, 8)}", department: d${i % departments}, accounts: { site: S${pad(i, 7)}, attendance: "04${pad(i, 7)}", forms: ${person(i)} } }`);
  }
  const depts = ["apiVersion: orgform/v1", "kind: Department", "items:"];
  for (let i = 0; i < departments; i++) depts.push(`  - { handle: d${i}, name: 部门${i}${i >= 10 ? `, parent: d${Math.floor(i / 10) - 1}` : ""} }`);
  const teamLines = ["apiVersion: orgform/v1", "kind: Team", "items:"];
  for (let t = 0; t < teams; t++) {
    const members = Array.from({ length: 50 }, (_, j) => person((t * 50 + j) % n));
    teamLines.push(`  - { handle: t${t}, name: 小组${t}, members: [${members.join(", ")}] }`);
  }
  const punch = ["apiVersion: orgform/v1", "kind: dingtalk.PunchGroup", "target: attendance", "items:"];
  const roles = ["apiVersion: orgform/v1", "kind: jiandaoyun.RoleGroup", "target: forms", "items:", "  - name: 全部", "---", "apiVersion: orgform/v1", "kind: jiandaoyun.Role", "target: forms", "items:"];
  for (let g = 0; g < groups; g++) {
    punch.push(`  - { punch_group_id: "${7000 + g}", biz_inst_id: "${7000 + g}", members: [{ department: d${(g * 7) % departments}, subtree: true }, { team: t${g % teams} }] }`);
    roles.push(`  - { name: 角色${g}, group: 全部, members: [{ team: t${g % teams} }, { team: t${(g + 1) % teams} }, { person: ${person(g)} }] }`);
  }
  const target = (name: string, driver: string, endpoint: string, credentials: string) =>
    ["apiVersion: orgform/v1", "kind: Target", `name: ${name}`, `driver: ${driver}`, `endpoint: \${${endpoint}}`, "credentials:", credentials].join("\n");
  return {
    "targets.yaml": [
      target("site", "isdp", "ISDP_ENDPOINT", '  clientId: isdp-saas-openapi\n  username: "1001234567"\n  password: ${ISDP_APP_TOKEN}'),
      target("attendance", "dingtalk", "DINGTALK_ENDPOINT", "  appKey: benchkey\n  appSecret: ${DINGTALK_APP_SECRET}"),
      target("forms", "jiandaoyun", "JDY_ENDPOINT", "  apiKey: ${JDY_API_KEY}"),
    ].join("\n---\n"),
    "people.yaml": people.join("\n"),
    "departments.yaml": depts.join("\n"),
    "teams.yaml": teamLines.join("\n"),
    "site.yaml": "apiVersion: orgform/v1\nkind: isdp.Person\ntarget: site\nitemsFrom: people\nitems: []\n",
    "attendance.yaml": punch.join("\n"),
    "forms.yaml": roles.join("\n"),
  };
}

/** Generate the org at `n` people, check that it loads cleanly, then time its resolution (best of `repeats`). */
export async function orgResolution(n: number, repeats = 3): Promise<OrgResolutionRun> {
  const o = await orgModel();
  const dir = mkdtempSync(join(tmpdir(), `orgform-bench-org-${n}-`));
  try {
    const files = orgFilesFor(n);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), `${text}\n`);
    const env = environment("http://127.0.0.1:9");
    const loaded = o.loadManifests([dir], { env });
    const read = o.readManifests([dir]);
    const kindOf = (d: { value: unknown }) => (d.value as { kind: string }).kind;
    const orgDocs = read.documents.filter((d) => ["Person", "Team", "Department"].includes(kindOf(d)));
    const kindDocs = read.documents.flatMap((d) => {
      const spec = o.findKind(kindOf(d));
      return spec ? [{ doc: d, spec }] : [];
    });
    const named = new Set(loaded.targets.map((t) => t.name));
    let best: OrgResolutionRun | undefined;
    for (let r = 0; r < repeats; r++) {
      (globalThis as { gc?: () => void }).gc?.();
      const diagnostics: { message: string }[] = [];
      const t0 = performance.now();
      const directory = o.buildDirectory(orgDocs, named, diagnostics);
      const t1 = performance.now();
      let items = 0;
      let members = 0;
      for (const { doc, spec } of kindDocs) {
        for (const item of o.resolvedItems(doc, spec, directory, diagnostics, new Map())) {
          items++;
          const list = item.value["members"] ?? item.value["member_user_ids"];
          if (Array.isArray(list)) members += list.length;
        }
      }
      const t2 = performance.now();
      if (diagnostics.length) throw new Error(`the org bench's manifests have problems: ${diagnostics.slice(0, 3).map((d) => d.message).join("; ")}`);
      const run = { persons: n, departments: directory.departments.size, teams: directory.teams.size, documents: kindDocs.length, items, members, directoryMs: t1 - t0, resolveMs: t2 - t1, totalMs: t2 - t0 };
      if (!best || run.totalMs < best.totalMs) best = run;
    }
    return best as OrgResolutionRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

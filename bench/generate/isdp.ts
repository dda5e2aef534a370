import { SECRETS, type GeneratedOrg, type OrgOptions } from "../generate.js";
import { pad, type Random } from "../random.js";
import { share, header, q } from "./common.js";

export function isdp(org: GeneratedOrg, options: OrgOptions, rnd: Random): void {
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

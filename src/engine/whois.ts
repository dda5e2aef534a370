import type { OrgPerson } from "../model/org.js";
import type { LiveResource } from "../model/resource.js";
import type { TargetConfig } from "../model/target.js";

/** One place a person's account appears in a target's live state. */
export interface WhoisHit {
  kind: string;
  key: string;
  /** The field that holds the account (`members`, `adminId`, `duty.经理`), or `key` for a record keyed by it. */
  field: string;
}

export interface WhoisTarget {
  target: string;
  driver: string;
  /** The person's id on this target; absent when the Person lists no account there. */
  account?: string;
  hits: WhoisHit[];
}

/** Where a person is today: every target the manifests name, read from live state. */
export interface WhoisReport {
  handle: string;
  name?: string;
  left: boolean;
  targets: WhoisTarget[];
}

/**
 * Find a person's accounts in live state: a record keyed by the account, and every field that
 * holds it (a member list, a head, a duty). Read-only and vendor-neutral: it looks at the
 * canonical live objects every driver produces, so it covers every kind without a driver hook.
 */
export function whoisReport(person: OrgPerson, targets: TargetConfig[], live: ReadonlyMap<string, LiveResource[]>): WhoisReport {
  const report: WhoisReport = { handle: person.handle, left: person.left, targets: [] };
  if (person.name !== undefined) report.name = person.name;
  for (const t of [...targets].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const entry: WhoisTarget = { target: t.name, driver: t.driver, hits: [] };
    const account = person.accounts[t.name];
    if (account !== undefined) {
      entry.account = account;
      for (const r of live.get(t.name) ?? []) entry.hits.push(...hitsIn(r, account));
    }
    entry.hits.sort((a, b) => (a.kind + a.key + a.field < b.kind + b.key + b.field ? -1 : 1));
    report.targets.push(entry);
  }
  return report;
}

function hitsIn(r: LiveResource, account: string): WhoisHit[] {
  const hits: WhoisHit[] = [];
  if (r.key === account) hits.push({ kind: r.kind, key: r.key, field: "key" });
  for (const [field, value] of Object.entries(r.fields)) {
    if (value === account || (Array.isArray(value) && value.includes(account))) hits.push({ kind: r.kind, key: r.key, field });
  }
  return hits;
}

/** How many places still hold the person. */
export function whoisCount(report: WhoisReport): number {
  return report.targets.reduce((n, t) => n + t.hits.length, 0);
}

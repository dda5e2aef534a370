import { stringify } from "yaml";
import { manifestDir } from "../helpers/orgform.js";

/** Shared fixtures of the isdp driver tests: one application, a target and person manifests. */
export const CLIENT_ID = "isdp-saas-openapi";
export const APP_ID = "app-1001";
export const APP_TOKEN = "app-token-5b1e9d";
export const ENV = { ISDP_APP_TOKEN: APP_TOKEN };

export function tenant(persons: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return { isdp: { clients: [{ client_id: CLIENT_ID, username: APP_ID, password: APP_TOKEN }], persons, ...extra } };
}

export interface SiteOptions {
  /** Extra Target fields (limits, policy). */
  target?: Record<string, unknown>;
}

/** A folder with the target and one isdp.Person document holding `items`. */
export function siteDir(url: string, items: Record<string, unknown>[], opts: SiteOptions = {}): string {
  const target = {
    apiVersion: "orgform/v1",
    kind: "Target",
    name: "site",
    driver: "isdp",
    endpoint: `${url}/isdp`,
    credentials: { clientId: CLIENT_ID, username: APP_ID, password: "${ISDP_APP_TOKEN}" },
    limits: { requestsPerSecond: 200 },
    ...opts.target,
  };
  return manifestDir({
    "target.yaml": stringify(target),
    "persons.yaml": stringify({ apiVersion: "orgform/v1", kind: "isdp.Person", target: "site", items }),
  });
}

/** `p0000`, `p0001`, ...: codes that sort in the order they are made. */
export function codes(n: number, prefix = "p", from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(from + i).padStart(4, "0")}`);
}

export interface StoredPerson {
  personCode: string;
  personStatus?: string;
  [field: string]: unknown;
}

export function storedPersons(state: unknown): StoredPerson[] {
  return (state as { persons: StoredPerson[] }).persons;
}

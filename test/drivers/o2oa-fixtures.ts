import { stringify } from "yaml";
import type { LoggedRequest } from "../../src/emulator/request-log.js";
import { manifestDir } from "../helpers/orgform.js";

export const PASSWORD = "o2-pass-4d1c9e";
export const SSO_KEY = "o2oa-sso-shared-key";
export const ENV = { O2OA_PASSWORD: PASSWORD, O2OA_SSO_KEY: SSO_KEY };
export const SYNC = "/x_program_center/jaxrs/invoke/unitAsync/execute";
export const LOGIN = "/x_organization_assemble_authentication/jaxrs/authentication";

export interface UnitState {
  name: string;
  unique: string;
  superior?: string;
  typeList?: string[];
  controllerList?: string[];
  orderNumber?: number;
  attributes?: { name: string; value: string[]; description?: string; orderNumber?: number }[];
  duties?: { name: string; value: string[]; description?: string; orderNumber?: number }[];
  identities?: { name: string; person: string; unique?: string }[];
}

/** An emulator state with one sync account, one SSO client, and the given units. */
export function tenant(units: UnitState[], extra: Record<string, unknown> = {}) {
  return {
    o2oa: {
      accounts: [
        { credential: "orgsync", password: PASSWORD },
        { credential: "xadmin", password: PASSWORD },
      ],
      ssoClients: [{ client: "orgform", key: SSO_KEY }],
      units,
      ...extra,
    },
  };
}

const PASSWORD_LOGIN = ["credentials:", "  credential: orgsync", "  password: ${O2OA_PASSWORD}"];

/** A target and one o2oa.Unit document holding `items`. */
export function manifests(url: string, items: Record<string, unknown>[], credentials: string[] = PASSWORD_LOGIN): string {
  return manifestDir({
    "target.yaml": ["apiVersion: orgform/v1", "kind: Target", "name: oa", "driver: o2oa", `endpoint: ${url}/o2oa`, ...credentials].join("\n"),
    "units.yaml": stringify({ apiVersion: "orgform/v1", kind: "o2oa.Unit", target: "oa", items }),
  });
}

export const SSO_LOGIN = (credential = "orgsync") => ["credentials:", `  credential: ${credential}`, "  client: orgform", "  key: ${O2OA_SSO_KEY}"];

/** The bodies of the sync calls in a request log. */
export function syncBodies(calls: LoggedRequest[]): Record<string, unknown>[] {
  return calls.filter((c) => c.path === SYNC).map((c) => c.body as Record<string, unknown>);
}

/** A unit of the emulator's state by unique. */
export function stateUnit(state: unknown, unique: string): Record<string, unknown> | undefined {
  return (state as { units: Record<string, unknown>[] }).units.find((u) => u["unique"] === unique);
}

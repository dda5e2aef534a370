import type { OrgOptions, Vendor } from "../generate.js";

export function targetsYaml(options: OrgOptions): string {
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

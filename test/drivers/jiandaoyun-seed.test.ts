import { describe, expect, it } from "vitest";
import { manifestsFromText } from "../helpers/seed.js";
import { roleGroup } from "../../src/drivers/jiandaoyun/kinds/role-group.js";
import { kindModels } from "../../src/drivers/registry.js";
import { compileContext } from "../../src/apply/compile.js";
import { plan } from "../../src/planner/planner.js";

/** The vendor's documented request example (help.jodoo.com/open/18531, POST /api/v5/corp/role_group/update), as sent. */
const SEED_BODY = `{
    "role_group_no": 2559,
    "name": "研发部门"
}`;

const MANIFEST = `
apiVersion: orgform/v1
kind: Target
name: jdy
driver: jiandaoyun
credentials: { apiKey: "\${K}" }
---
apiVersion: orgform/v1
kind: jiandaoyun.RoleGroup
target: jdy
items:
  - name: 研发部门
    group_no: 2559
`;

describe("the documented role-group update example", () => {
  it("is reproduced exactly from a manifest and a live state", () => {
    const m = manifestsFromText(MANIFEST, { K: "key-value" });
    const live = [{ target: "jdy", kind: "jiandaoyun.RoleGroup", key: "研发中心", fields: {}, ids: { group_no: 2559 } }];

    const result = plan({ desired: m.desired, live, kinds: kindModels(), policies: {}, scope: m.scope });
    const requests = roleGroup.compile(result.actions[0]!, compileContext("jdy", live, result.actions));

    expect(result.actions.map((a) => [a.op, a.renamedFrom])).toEqual([["update", "研发中心"]]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/api/v5/corp/role_group/update" });
    // Field order too: the body is the documented example's, byte for byte once whitespace is set aside.
    expect(JSON.stringify(requests[0]?.body)).toBe(JSON.stringify(JSON.parse(SEED_BODY)));
  });
});

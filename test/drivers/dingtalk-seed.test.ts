import { describe, expect, it } from "vitest";
import { manifestsFromText } from "../helpers/seed.js";
import { compileContext } from "../../src/apply/compile.js";
import { punchGroup } from "../../src/drivers/dingtalk/kinds/punch-group.js";
import { plan } from "../../src/planner/planner.js";
import { kindModels } from "../../src/drivers/registry.js";

/** The vendor's documented request example (developer.alibaba.com/docs/api.htm?apiId=47778, dingtalk.oapi.pbp.instance.group.member.update). */
const SEED_SYNC_PARAM = {
  delete_member_list: [{ member_id: "xxxxx", type: 0 }],
  add_member_list: [{ member_id: "xxxx", type: 0 }],
  punch_group_id: "123123123",
  biz_inst_id: "123123123",
  biz_id: "patrol_xxx",
};

const MANIFEST = `
apiVersion: orgform/v1
kind: Target
name: att
driver: dingtalk
credentials: { appKey: k, appSecret: "\${S}" }
---
apiVersion: orgform/v1
kind: dingtalk.PunchGroup
target: att
items:
  - punch_group_id: "123123123"
    biz_inst_id: "123123123"
    biz_id: patrol_xxx
    members: [xxxx]
`;

describe("the documented member update example", () => {
  it("is reproduced exactly from a manifest and a live state", () => {
    const m = manifestsFromText(MANIFEST, { S: "secret-value" });
    const live = [{ target: "att", kind: "dingtalk.PunchGroup", key: "123123123", fields: { members: ["xxxxx"] }, ids: { biz_inst_id: "123123123", biz_id: "patrol_xxx" } }];

    const result = plan({ desired: m.desired, live, kinds: kindModels(), policies: {}, scope: m.scope });
    const requests = punchGroup.compile(result.actions[0]!, compileContext("att", live, result.actions));

    expect(requests).toHaveLength(1);
    expect(requests[0]?.path).toBe("/topapi/pbp/instance/group/member/update");
    // Field order too: the body is the documented example's, byte for byte.
    expect(JSON.stringify((requests[0]?.body as { sync_param: unknown }).sync_param)).toBe(JSON.stringify(SEED_SYNC_PARAM));
  });
});

import type { KindOrgSpec } from "../../model/org.js";

/**
 * A department may stand for a Department of the org (`department: rd`): its code is the
 * Department's account on the target, the parent is the parent's code there, and the head
 * (adminId) is the head's account there. adminId and hrbpId may name a person as `{person: x}`.
 */
export const departmentOrg: KindOrgSpec = {
  personFields: ["adminId", "hrbpId"],
  binding: {
    by: "department",
    keyField: "code",
    fill: ({ department, parentAccount, headAccount }) => ({ name: department.name, parent: parentAccount, adminId: headAccount }),
  },
};

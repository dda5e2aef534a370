import type { KindOrgSpec } from "../../model/org.js";

/**
 * A department may stand for a Department of the org (`department: rd`): its code is the
 * Department's account on the target, the parent is the parent's code there (a root of the
 * org is a top-level department), and the head
 * (adminId) is the head's account there. adminId and hrbpId may name a person as `{person: x}`.
 */
export const departmentOrg: KindOrgSpec = {
  personFields: ["adminId", "hrbpId"],
  binding: {
    by: "department",
    keyField: "code",
    // A root of the org is a top-level department (parent: null); a parent not mirrored on this
    // target is left unmanaged.
    fill: ({ department, parentAccount, headAccount }) => ({ name: department.name, parent: department.parent === undefined ? null : parentAccount, adminId: headAccount }),
  },
};

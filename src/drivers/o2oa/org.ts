import type { KindOrgSpec } from "../../model/org.js";

/**
 * A unit may stand for a Department of the org (`department: rd`): its unique is the
 * Department's account on the target, the superior is the parent's unique there, and the
 * controller list holds the head's account there. Controllers and duty holders may be written
 * as Person, Team or Department selectors.
 */
export const unitOrg: KindOrgSpec = {
  peopleLists: ["controllerList", "dutyList[].value"],
  binding: {
    by: "department",
    keyField: "unique",
    fill: ({ department, parentAccount, headAccount }) => ({ name: department.name, superior: parentAccount, controllerList: headAccount === undefined ? undefined : headAccount === null ? [] : [headAccount] }),
  },
};

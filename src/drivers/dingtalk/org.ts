import type { KindOrgSpec } from "../../model/org.js";

/** Punch-group members may be written as Person, Team or Department selectors. */
export const punchGroupOrg: KindOrgSpec = { peopleLists: ["members"] };

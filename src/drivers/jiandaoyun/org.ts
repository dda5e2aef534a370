import type { KindOrgSpec } from "../../model/org.js";

/** Role members may be written as Person, Team or Department selectors. */
export const roleOrg: KindOrgSpec = { peopleLists: ["members"] };

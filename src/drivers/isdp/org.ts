import type { KindOrgSpec } from "../../model/org.js";

/**
 * An ISDP person may stand for a Person of the org (`person: zhangsan`): the personCode is the
 * Person's account on the target, and name, email and phone come from the Person unless the
 * item sets them. A Person who has left is deregistered.
 */
export const personOrg: KindOrgSpec = {
  binding: {
    by: "person",
    keyField: "personCode",
    fill: ({ person }) => ({ personName: person.name, email: person.email, phone: person.mobile }),
  },
};

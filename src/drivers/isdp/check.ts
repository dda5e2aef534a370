import type { Diagnostic } from "../../model/plan.js";
import type { Match } from "../../model/match.js";
import { resourceId } from "../../model/resource.js";
import { diffFields } from "../../planner/diff.js";
import { PERSON, PERSON_FIELD_SPECS, PERSON_FIELDS } from "./kinds/person-fields.js";
import { PLAIN_REQUIRED } from "./kinds/person-rows.js";
import { isSuffixed } from "./wire.js";

/** person/batchUpdate takes at most 5 role codes per person (api_01_0120: 最多不超过5个). */
const PLAIN_MAX_ROLES = 5;

/**
 * ISDP rules checked before any write:
 * - a smart-device account (`isSmartDevice: Y`) is never read (getPersonList is asked with
 *   `isSmartDevice: N`), so orgform would create it again on every apply;
 * - a person stored without `@hw` is reachable only through person/batchUpdate, which sets a
 *   subset of the fields and needs a name, type and organisation on every row.
 */
export function checkPersons(matches: Match[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const { desired, live } of matches) {
    if (desired.kind !== PERSON || desired.absent) continue;
    const refuse = (message: string) => problems.push({ source: desired.source, message: `${resourceId(desired.target, desired.kind, desired.key)}: ${message}` });
    if (desired.fields["isSmartDevice"] === "Y") {
      refuse("isSmartDevice Y: orgform reads only persons that are not smart devices, so it could never see this one again; manage device accounts in the ISDP console");
    }
    if (!live || live.readOnly || isSuffixed(live)) continue;
    const changes = diffFields(desired.fields, live.fields, PERSON_FIELD_SPECS, "authoritative");
    if (changes.length === 0) continue;
    const code = String(live.ids["personCode"]);
    const unreachable = changes.map((c) => c.field).filter((f) => !PERSON_FIELDS[f]?.plain);
    if (unreachable.length) {
      refuse(`is stored as ${code} without @hw, so only person/batchUpdate reaches it, and that call cannot set ${unreachable.join(", ")}; change ${unreachable.length > 1 ? "them" : "it"} in the ISDP console`);
    }
    const missing = PLAIN_REQUIRED.filter((f) => desired.fields[f] === undefined && live.fields[f] === undefined);
    if (missing.length) {
      refuse(`is stored as ${code} without @hw; person/batchUpdate needs ${missing.join(", ")} on every update and ISDP lists none for this person: write ${missing.join(", ")} in the manifest`);
    }
    const roles = desired.fields["roleNo"];
    if (Array.isArray(roles) && roles.length > PLAIN_MAX_ROLES) {
      refuse(`is stored as ${code} without @hw; person/batchUpdate takes at most ${PLAIN_MAX_ROLES} role codes, the manifest names ${roles.length}`);
    }
  }
  return problems;
}

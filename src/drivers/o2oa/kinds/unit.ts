import type { CompileContext, KindSpec } from "../../driver.js";
import type { Action } from "../../../model/plan.js";
import type { VendorRequest } from "../../../model/request.js";
import { deleteBody, syncRequest, writeBody } from "./unit-body.js";
import { unitToCanonical, unitToItem } from "./unit-canonical.js";
import { UNIT, UNIT_FIELDS } from "./unit-fields.js";
import { unitOrg } from "../org.js";
import type { UnitItem } from "./unit.item.js";

/** O2OA organisation units, with their attributes and duties, written through the sync script. */
export const unit: KindSpec<UnitItem> = {
  org: unitOrg,
  kind: UNIT,
  keyField: "unique",
  schema: "kinds/o2oa.Unit.schema.json",
  fields: UNIT_FIELDS,
  pins: [],
  listable: true,
  create: true,
  delete: true,
  // Sibling names must stay unique: two writes under one superior at once could both pass the check.
  serialWrites: true,

  toCanonical: unitToCanonical,
  toItem: unitToItem,

  compile(action: Action, ctx: CompileContext): VendorRequest[] {
    const live = ctx.live(UNIT, action.key);
    if (action.op === "delete") {
      if (!live) throw new Error(`${action.id}: cannot delete a unit that was not read`);
      return [syncRequest(deleteBody(live))];
    }
    return [syncRequest(writeBody(action, action.op === "create" ? undefined : live))];
  },
};

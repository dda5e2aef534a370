/** orgform as a library: the same pieces the CLI is made of. */
export { loadManifests, type Manifests } from "./manifest/load.js";
export { plan } from "./planner/plan.js";
export { makePlan } from "./engine/plan.js";
export { planFromManifests, readLive, operationsFor, applyOperations, selectScope } from "./engine/session.js";
export { readPlanFile, writePlanFile, targetsFromPlan } from "./engine/plan-file.js";
export { renderText } from "./render/text.js";
export { renderJson } from "./render/json.js";
export { renderResults } from "./render/results.js";
export { startEmulator, type RunningEmulator } from "./emulator/server.js";
export { drivers, findDriver, findKind } from "./drivers/registry.js";
export type { Driver, KindSpec, VendorClient } from "./drivers/driver.js";
export type { Plan, Action, FieldChange, Diagnostic } from "./model/plan.js";
export type { DesiredResource, LiveResource } from "./model/resource.js";
export type { ActionResult } from "./model/result.js";
export { ManifestError, DriverError, UnsafePlanError, StalePlanError } from "./model/errors.js";

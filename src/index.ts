/**
 * orgform as a library. `planRun` and `applyRun` are the doors the CLI uses too: an apply
 * through them refuses what the CLI refuses (problems, unsafe plans without `force`, stale or
 * edited saved plans), and a saved plan is planned again, never trusted.
 */
export { planRun, type PlanRequest, type PlanRun } from "./engine/plan-run.js";
export { applyRun, type ApplyRequest, type ApplyReport, type ApplyVerdict } from "./engine/apply-run.js";
export { doctorRun, type DoctorRequest, type DoctorReport, type DoctorCheck } from "./engine/doctor/run.js";
export { driverLookup, shippedDrivers, type DriverLookup } from "./engine/drivers.js";
export type { Selection } from "./engine/scope.js";
export { PlanMismatchError } from "./engine/verify.js";
export { readPlanFile, writePlanFile } from "./engine/plan-file.js";
export { loadManifests, type Manifests } from "./manifest/load.js";
export { renderText } from "./render/text.js";
export { renderJson } from "./render/json.js";
export { renderResults } from "./render/results.js";
export { startEmulator, type RunningEmulator } from "./emulator/server.js";
export { drivers, findDriver, findKind } from "./drivers/registry.js";
export type { Driver, KindSpec, VendorClient } from "./drivers/driver.js";
export type { Plan, Action, FieldChange, Diagnostic } from "./model/plan.js";
export type { DesiredResource, LiveResource } from "./model/resource.js";
export type { ActionResult } from "./model/result.js";
export { ManifestError, DriverError, UnsafePlanError, StalePlanError, UsageError } from "./model/errors.js";

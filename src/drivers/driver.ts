import type { Action, ActionOp, Diagnostic, FetchScope } from "../model/plan.js";
import type { Match } from "../model/match.js";
import type { KindOrgSpec } from "../model/org.js";
import type { LiveResource } from "../model/resource.js";
import type { Deferred, VendorRequest } from "../model/request.js";
import type { Capability, KindModel } from "../model/kind.js";

export type { Capability, FieldSpec } from "../model/kind.js";
export { can } from "../model/kind.js";


/** The canonical form of one manifest item, as a kind maps it. */
export interface CanonicalItem {
  key: string;
  fields: Record<string, unknown>;
  pins: Record<string, unknown>;
}

export interface CompileContext {
  target: string;
  /** The live object an action works on (by key), if it exists. */
  live(kind: string, key: string): LiveResource | undefined;
  /**
   * The vendor id of a resource named by key: read from live state, or, when the resource is
   * created earlier in the same run, a Deferred filled in from that create's response.
   */
  idOf(kind: string, key: string, idField: string): unknown;
  /** The key a live object will have after this plan: its new key when the plan renames it. */
  keyAfter(kind: string, key: string): string;
}

/**
 * A type of object a driver manages. Everything the core needs to know is data here.
 *
 * `Item` is the type of the kind's items, generated from its schema into `<kind>.item.ts`
 * beside the kind (`npm run gen:item-types`). Lists of kinds (a driver's, the registry's) hold
 * them as `KindSpec`, whose items are plain records.
 */
export interface KindSpec<Item extends Record<string, unknown> = Record<string, unknown>> extends KindModel {
  /** Schema file (under `schemas/`) for documents of this kind. */
  schema: string;
  /** Item fields that pin vendor identity rather than describe the object. */
  pins: string[];
  /** Whether fetch can list every object of the kind, or only read named ones. */
  listable: Capability;
  /** Most objects one call can carry, per operation; absent = one action per call. */
  batch?: Partial<Record<ActionOp, number>>;
  /** A constraint, not a capability: the vendor accepts one write of this kind per tenant at a time. */
  serialWrites?: true;
  /**
   * Item → canonical form. The loader calls it with an item that is valid against the schema,
   * without the common fields and with the org model applied: what `Item` describes.
   */
  toCanonical(item: Item): CanonicalItem;
  /** Canonical live resource → manifest item (for `import`). */
  toItem(live: LiveResource): Record<string, unknown>;
  /** Requests for one action. */
  compile(action: Action, ctx: CompileContext): VendorRequest[];
  /** Requests for several actions of one op, for kinds with `batch`. */
  compileBatch?(actions: Action[], ctx: CompileContext): VendorRequest[];
  /**
   * After a batch call failed: re-read its objects and say which actions the vendor applied
   * anyway, for vendors that do not report failures per row.
   */
  settleFailedBatch?(actions: Action[], ctx: FetchContext): Promise<Set<string>>;
  /** How items of this kind take part in the org model: selectors in people lists, bindings. */
  org?: KindOrgSpec;
}

export type { Outcome } from "../model/outcome.js";

export type { VendorClient } from "../model/link.js";
import type { VendorClient } from "../model/link.js";

/** How fetch reaches the vendor: the core's call path with auth, limits and retries. */
export interface FetchContext {
  target: string;
  call(request: VendorRequest): Promise<unknown>;
  /**
   * Tenant settings fetch read that are not objects to plan (a department type list, custom
   * field definitions): kept per target and handed to `check`; not part of the fingerprint.
   */
  facts: Map<string, unknown>;
}

export type { WireLimits as DriverLimits } from "../model/link.js";
import type { WireLimits as DriverLimits } from "../model/link.js";

export interface CredentialSpec {
  /** Every credential field the driver understands. */
  fields: string[];
  /** Fields that are secrets: they must be `${VAR}` references. */
  secrets: string[];
  /** Accepted sets of required fields (one must be complete). */
  required: string[][];
}

/**
 * One read call `orgform doctor` makes to check a tenant before the first write: the smallest
 * page of a list the plans use. It is never a write.
 */
export interface DoctorProbe {
  /** The API as the vendor's docs name it (`role/list`), shown in doctor's table. */
  api: string;
  /** The kinds whose plans read through this API. */
  kinds: string[];
  /** What to grant when the vendor refuses the call: the permission or console setting. */
  permission: string;
  request: VendorRequest;
  /** The answer's shape problem, or undefined when it is what the driver reads (use wire.ts). */
  check(data: unknown): string | undefined;
  /**
   * The probe reads a made-up id (the vendor has no call that lists these objects), so the
   * vendor's not-found answer means the call is permitted.
   */
  expectNotFound?: true;
}

export type AssumptionVerdict = "holds" | "contradicted" | "cannot check";

/**
 * A vendor behaviour the driver relies on that no independent source settles. Declared as
 * data so the docs list it and doctor checks it against a real tenant where a read can.
 */
export interface Assumption {
  id: string;
  /** The assumption in one sentence ("created persons are stored with the @hw suffix"). */
  statement: string;
  /** Where it comes from: a citation, or "unverified: ..." with what was seen. */
  source: string;
  /** What the driver does so that no data is lost whichever way the vendor behaves. */
  handling: string;
  /**
   * Judge it against the tenant. `answers` holds each probe's answer data by api; `read` makes
   * one more read call. Absent when no read can tell.
   */
  check?(ctx: { answers: ReadonlyMap<string, unknown>; read(request: VendorRequest): Promise<unknown> }): Promise<{ verdict: AssumptionVerdict; detail: string }>;
}

export interface DoctorSpec {
  probes: DoctorProbe[];
  assumptions: Assumption[];
  /** The vendor signs requests with timestamps: doctor compares clocks. */
  signsTimestamps?: boolean;
}

export interface Driver {
  name: string;
  title: string;
  defaultEndpoint: string;
  credentials: CredentialSpec;
  limits: DriverLimits;
  kinds: KindSpec[];
  /** What `orgform doctor` checks for this driver. */
  doctor?: DoctorSpec;
  createClient(config: { endpoint: string; credentials: Record<string, string> }): VendorClient;
  /** Read live objects of the given kinds (and, for unlistable kinds, the named items). */
  fetch(ctx: FetchContext, scope: FetchScope[]): Promise<LiveResource[]>;
  /**
   * Vendor rules checked before any write. `matches` pairs each of the target's items in scope
   * with the live object the planner matched it to (so a check never re-derives what exists
   * or what is renamed); `live` is everything read from the target; `facts` what fetch noted;
   * `deletes` the plan's deletes for the target, unmanaged ones (no item) included.
   */
  check?(matches: Match[], live: LiveResource[], facts: ReadonlyMap<string, unknown>, deletes?: readonly Action[]): Diagnostic[];
}

export type { Deferred };

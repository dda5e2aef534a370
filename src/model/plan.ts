import type { PersonLabel } from "./org.js";
import type { SourcePosition } from "./resource.js";
import type { TargetLimits } from "./target.js";

export type ActionOp = "create" | "update" | "delete";

/** A change of one field: a scalar replacement, or an add/remove delta of a set field. */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
  add?: string[];
  remove?: string[];
}

export interface Action {
  /** `<target>/<kind>/<key>` */
  id: string;
  target: string;
  kind: string;
  key: string;
  op: ActionOp;
  changes: FieldChange[];
  /** Ids of actions that must succeed before this one runs. */
  dependsOn: string[];
  /** Set when an update also changes the key (a rename through `previousKeys`). */
  renamedFrom?: string;
}

/** The scope that was read for a kind: every object, or only the listed keys (unlistable kinds). */
export interface FetchScope {
  kind: string;
  items?: { key: string; pins: Record<string, unknown> }[];
}

export interface PlanTarget {
  name: string;
  driver: string;
  endpoint: string;
  /** Credential fields as written in the manifest: identifiers inline, secrets as `${VAR}`. */
  credentials: Record<string, string>;
  limits?: TargetLimits;
  scope: FetchScope[];
  fingerprint: string;
}

export interface SafetyViolation {
  target: string;
  kind: string;
  rule: string;
  message: string;
}

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  add: number;
  remove: number;
}

/** The `--target`/`--kind` narrowing a plan was made with; empty lists select everything. */
export interface PlanSelection {
  targets: string[];
  kinds: string[];
}

export interface Plan {
  formatVersion: 1;
  /** The orgform that made the plan (informative: a saved plan is verified, not trusted). */
  orgformVersion?: string;
  /** Written by every orgform that records it; a file without it was made unnarrowed. */
  selection?: PlanSelection;
  targets: PlanTarget[];
  actions: Action[];
  summary: PlanSummary;
  safety: { ok: boolean; violations: SafetyViolation[] };
  /**
   * Who the account ids in the changes are, per target (id → the Person's handle and name),
   * when the manifests define an org. Plans show the handle beside the id.
   */
  people?: Record<string, Record<string, PersonLabel>>;
  /** Things the reviewer should know that are not changes (people left out for lack of an account). */
  notes?: string[];
}

/** A problem found in the input, tied to where it was written. */
export interface Diagnostic {
  source?: SourcePosition;
  /** JSON-path-like location inside the document, e.g. `items[1].type`. */
  path?: string;
  message: string;
}

export const PLAN_FORMAT_VERSION = 1;

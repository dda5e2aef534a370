import { findKind, findDriver, allKinds } from "../drivers/registry.js";
import type { KindSpec } from "../drivers/driver.js";
import { ManifestError } from "../model/errors.js";
import type { Diagnostic } from "../model/plan.js";
import { COMMON_ITEM_FIELDS, pairKey, type DesiredResource, type SourcePosition } from "../model/resource.js";
import type { TargetConfig } from "../model/target.js";
import { schemaDiagnostics } from "./diagnose.js";
import { identityClashes, overlappingTargets, ownIdPins, policyKindProblems } from "./checks.js";
import type { SkippedEntry } from "./files.js";
import { readManifests } from "./read.js";
import { checkReferences } from "./references.js";
import { didYouMean } from "./suggest.js";
import { validatorFor } from "./schemas.js";
import { readTarget } from "./targets.js";
import type { ParsedDocument } from "./yaml.js";
import type { OrgPerson } from "../model/org.js";
import { buildDirectory, ORG_KINDS, type Directory } from "./org/directory.js";
import { missingNotes, resolvedItems } from "./org/documents.js";

export interface Manifests {
  targets: TargetConfig[];
  desired: DesiredResource[];
  /** The (target, kind) pairs that have at least one document. */
  scope: { target: string; kind: string }[];
  files: string[];
  /** What was under the paths and not read, with the reason (print it: see `skippedNotes`). */
  skipped: SkippedEntry[];
  /** The org's people, teams and departments, when the manifests define any. */
  org?: Directory;
  /** Notes for the plan: people reached through a team or department with no account on a target. */
  notes?: string[];
}

export interface LoadOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  /** "record": an unset `${VAR}` is listed on its target instead of refused (validate, doctor). */
  unsetVariables?: "error" | "record";
}

const COMMON_FIELDS = new Set(COMMON_ITEM_FIELDS);

/** Read, validate and cross-check manifests. Throws ManifestError with every problem found. */
export function loadManifests(paths: string[], options: LoadOptions = {}): Manifests {
  const env = options.env ?? process.env;
  const read = readManifests(paths, options.cwd, { parseThreads: threadsFrom(env["ORGFORM_PARSE_THREADS"]) });
  const diagnostics = read.diagnostics;
  const result = checkDocuments(read.documents, env, diagnostics, options.unsetVariables);
  if (diagnostics.length) throw new ManifestError(sortDiagnostics(diagnostics));
  return { ...result, files: read.files, skipped: read.skipped };
}

/** ORGFORM_PARSE_THREADS: parse threads besides the main one (0 = none); unset or not a count = decide by size. */
function threadsFrom(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/** Validate parsed documents; problems are appended to `diagnostics`. */
export function checkDocuments(
  documents: ParsedDocument[],
  env: Readonly<Record<string, string | undefined>>,
  diagnostics: Diagnostic[],
  unsetVariables: "error" | "record" = "error",
): Omit<Manifests, "files" | "skipped"> {
  const targetDocs: ParsedDocument[] = [];
  const orgDocs: ParsedDocument[] = [];
  const kindDocs: { doc: ParsedDocument; spec: KindSpec }[] = [];
  for (const doc of documents) {
    const v = doc.value as Record<string, unknown>;
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      diagnostics.push({ source: doc.start, message: "a manifest document must be a mapping with apiVersion and kind" });
      continue;
    }
    const kind = v["kind"];
    if (kind === "Target") {
      if (validate(doc, "target.schema.json", diagnostics)) targetDocs.push(doc);
    } else if (typeof kind === "string" && ORG_KINDS[kind] !== undefined) {
      if (validate(doc, ORG_KINDS[kind], diagnostics)) orgDocs.push(doc);
    } else if (typeof kind === "string" && findKind(kind)) {
      const spec = findKind(kind) as KindSpec;
      if (validate(doc, spec.schema, diagnostics)) kindDocs.push({ doc, spec });
    } else {
      const known = ["Target", ...Object.keys(ORG_KINDS), ...allKinds().map((k) => k.kind)];
      const hint = typeof kind === "string" ? didYouMean(kind, known) : "";
      const message = typeof kind === "string" ? `unknown kind "${kind}"${hint || ` (known kinds: ${known.join(", ")})`}` : "is required: the kind of the document";
      diagnostics.push({ source: doc.positionOf(["kind"]), path: "kind", message });
    }
  }

  const targets = new Map<string, TargetConfig>();
  const firstDoc = new Map<string, ParsedDocument>();
  for (const doc of targetDocs) {
    const name = (doc.value as { name: string }).name;
    const driver = findDriver((doc.value as { driver: string }).driver);
    if (!driver) continue; // the schema enum already reported it
    const earlier = firstDoc.get(name);
    if (earlier) {
      const first = earlier.start;
      diagnostics.push({ source: doc.positionOf(["name"]), path: "name", message: `target "${name}" is defined twice (first at ${first?.file}:${first?.line})` });
      continue;
    }
    firstDoc.set(name, doc);
    diagnostics.push(...policyKindProblems(doc, driver.name));
    const read = readTarget(doc, driver, env, unsetVariables);
    diagnostics.push(...read.diagnostics);
    if (read.target) targets.set(name, read.target);
  }
  diagnostics.push(...overlappingTargets([...targets.values()], (name) => firstDoc.get(name)?.positionOf(["name"])));
  // Every name a Target document gives, valid or not: a broken Target is reported once, not
  // again as an "unknown target" by each document that names it.
  const named = new Set(documents.map((d) => d.value as Record<string, unknown> | null).filter((v) => v?.["kind"] === "Target").map((v) => String(v?.["name"])));

  // The org model: selectors, bindings and itemsFrom resolve against it, per target.
  const org = orgDocs.length ? buildDirectory(orgDocs, named, diagnostics) : undefined;
  const missing = new Map<string, Set<OrgPerson>>();

  const desired: DesiredResource[] = [];
  // Per target and kind, key → the first item with it, in manifest order.
  const byKind = new Map<string, Map<string, DesiredResource>>();
  const scope = new Map<string, { target: string; kind: string }>();
  for (const { doc, spec } of kindDocs) {
    const v = doc.value as { target: string; items: Record<string, unknown>[] };
    const target = targets.get(v.target);
    if (!target) {
      if (!named.has(String(v.target))) {
        const hint = didYouMean(String(v.target), named) || (named.size ? ` (known targets: ${[...named].sort().join(", ")})` : " (no Target document defines any target)");
        diagnostics.push({ source: doc.positionOf(["target"]), path: "target", message: `unknown target "${v.target}"${hint}` });
      }
      continue;
    }
    const driverOfKind = spec.kind.split(".")[0];
    if (driverOfKind !== target.driver) {
      diagnostics.push({ source: doc.positionOf(["kind"]), path: "kind", message: `kind ${spec.kind} belongs to driver ${driverOfKind}, but target "${target.name}" uses driver ${target.driver}` });
      continue;
    }
    const group = pairKey(target.name, spec.kind);
    scope.set(group, { target: target.name, kind: spec.kind });
    let seen = byKind.get(group);
    if (!seen) byKind.set(group, (seen = new Map()));
    for (const { value: item, index, origin } of resolvedItems(doc, spec, org, diagnostics, missing)) {
      const res = toDesired(doc, spec, target.name, item, index, origin);
      const first = seen.get(res.key);
      if (first) {
        diagnostics.push({ source: res.source, path: index === undefined ? "itemsFrom" : `items[${index}].${spec.keyField}`, message: `duplicate ${spec.kind} "${res.key}" in target "${target.name}" (first at ${first.source.file}:${first.source.line})` });
        continue;
      }
      seen.set(res.key, res);
      desired.push(res);
    }
  }
  const kinds = new Map(allKinds().map((k) => [k.kind, k]));
  diagnostics.push(...checkReferences(desired, kinds, byKind));
  diagnostics.push(...identityClashes(byKind.values(), (kind) => ownIdPins(kind, kinds.get(kind)?.pins ?? [])));
  const result: Omit<Manifests, "files" | "skipped"> = { targets: [...targets.values()], desired, scope: [...scope.values()], notes: missingNotes(missing) };
  if (org) result.org = org;
  return result;
}

function validate(doc: ParsedDocument, schema: string, diagnostics: Diagnostic[]): boolean {
  const fn = validatorFor(schema);
  if (fn(doc.value)) return true;
  diagnostics.push(...schemaDiagnostics(doc, fn.errors ?? []));
  return false;
}

function toDesired(doc: ParsedDocument, spec: KindSpec, target: string, item: Record<string, unknown>, index: number | undefined, origin?: { readonly source: SourcePosition }): DesiredResource {
  // Most items carry none of the common fields: hand those over without a copy.
  let own = item;
  if (COMMON_ITEM_FIELDS.some((k) => k in item)) {
    own = {};
    for (const k in item) if (!COMMON_FIELDS.has(k)) own[k] = item[k];
  }
  // The registry holds kinds as plain `KindSpec`s; each kind's own `toCanonical` takes its
  // generated item type, which is what `own` is: valid against the kind's schema (checkDocuments
  // validated the document), with the org model applied (resolvedItems) and without the common
  // fields. A person field whose selector resolvedItems could not resolve keeps the selector,
  // next to the diagnostic that fails the load.
  const canonical = spec.toCanonical(own);
  const from = index ?? origin ?? { get source() { return doc.positionOf(["itemsFrom"]); } };
  return new ManifestItem(doc, from, item, target, spec.kind, canonical.key, canonical.fields, canonical.pins);
}

/** Shared by every item that pins nothing or was never renamed (nothing writes to them). */
const NO_PINS: Record<string, unknown> = Object.freeze({});
const NO_PREVIOUS_KEYS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A desired resource read from a manifest. Its positions are looked up only when a message
 * needs one: finding them costs the file a second, position-keeping parse.
 */
class ManifestItem implements DesiredResource {
  readonly absent: boolean;
  readonly membersPolicy: DesiredResource["membersPolicy"];
  readonly previousKeys: string[];
  readonly pins: Record<string, unknown>;

  constructor(
    private readonly doc: ParsedDocument,
    /** Its index in the document's items, or, for an item `itemsFrom` generated, the org object it stands for. */
    private readonly from: number | { readonly source: SourcePosition },
    private readonly item: Record<string, unknown>,
    readonly target: string,
    readonly kind: string,
    readonly key: string,
    readonly fields: Record<string, unknown>,
    pins: Record<string, unknown>,
  ) {
    this.absent = item["absent"] === true;
    this.membersPolicy = item["membersPolicy"] as DesiredResource["membersPolicy"];
    this.previousKeys = (item["previousKeys"] as string[] | undefined) ?? NO_PREVIOUS_KEYS;
    this.pins = hasOwnFields(pins) ? pins : NO_PINS;
  }

  get source(): SourcePosition {
    return typeof this.from === "number" ? this.doc.positionOf(["items", this.from]) : this.from.source;
  }

  get fieldSources(): Record<string, SourcePosition> {
    const out: Record<string, SourcePosition> = {};
    const from = this.from;
    for (const field of Object.keys(this.item)) {
      const at = typeof from === "number" ? () => this.doc.positionOf(["items", from, field]) : () => from.source;
      Object.defineProperty(out, field, { get: at, enumerable: true });
    }
    return out;
  }
}

function hasOwnFields(record: Record<string, unknown>): boolean {
  for (const _ in record) return true;
  return false;
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => {
    const fa = a.source?.file ?? "";
    const fb = b.source?.file ?? "";
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0);
  });
}

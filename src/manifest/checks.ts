import { allKinds, findDriver } from "../drivers/registry.js";
import type { Diagnostic } from "../model/plan.js";
import type { DesiredResource, SourcePosition } from "../model/resource.js";
import type { TargetConfig } from "../model/target.js";
import { formatPath } from "./diagnose.js";
import { closest } from "./suggest.js";
import { lookAlikeForm, NOT_ASCII } from "./values.js";
import type { ParsedDocument } from "./yaml.js";

const at = (p: SourcePosition | undefined) => (p ? `${p.file}:${p.line}:${p.column}` : "?");

/**
 * Every key of a Target's `policy` must be `default` or a kind of the target's driver: a
 * misspelt kind would otherwise drop the protection it was written for.
 */
export function policyKindProblems(doc: ParsedDocument, driver: string): Diagnostic[] {
  const policy = (doc.value as { policy?: Record<string, unknown> }).policy ?? {};
  const all = allKinds().map((k) => k.kind);
  const own = all.filter((k) => k.startsWith(`${driver}.`));
  const out: Diagnostic[] = [];
  for (const key of Object.keys(policy)) {
    if (key === "default" || own.includes(key)) continue;
    const path = ["policy", key];
    const otherDriver = all.includes(key) ? key.split(".")[0] : undefined;
    const why = otherDriver ? `is a kind of driver ${otherDriver}, but this target uses driver ${driver}` : "is not a known kind";
    const short = key.split(".").pop() ?? key;
    const sameName = own.find((k) => k === `${driver}.${short}`);
    const guess = sameName ?? closest(key, own) ?? closest(short, own.map((k) => k.slice(driver.length + 1)));
    const hint = guess ? `; did you mean ${guess.includes(".") ? guess : `${driver}.${guess}`}?` : ` (kinds of driver ${driver}: ${own.join(", ")})`;
    out.push({ source: doc.positionOf(path, true), path: formatPath(path), message: `${why}${hint}` });
  }
  return out;
}

/**
 * Two targets that reach one tenant (same driver, endpoint and identity credentials) would
 * each delete what the other names: refused when either deletes unmanaged objects.
 */
export function overlappingTargets(targets: TargetConfig[], nameAt: (name: string) => SourcePosition | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byTenant = new Map<string, TargetConfig>();
  for (const t of targets) {
    const secrets = findDriver(t.driver)?.credentials.secrets ?? [];
    const identity = Object.entries(t.credentials)
      .filter(([field]) => !secrets.includes(field))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const tenant = JSON.stringify([t.driver, t.endpoint.toLowerCase(), identity]);
    const first = byTenant.get(tenant);
    if (!first) {
      byTenant.set(tenant, t);
      continue;
    }
    if (!deletesUnmanaged(first) && !deletesUnmanaged(t)) continue;
    const fields = identity.map(([f]) => f).join(", ") || "no identity credential";
    out.push({
      source: nameAt(t.name),
      path: "name",
      message: `target "${t.name}" reaches the same tenant as target "${first.name}" (${at(nameAt(first.name))}): same driver, endpoint and ${fields}; with unmanaged: delete each would delete what the other names. Use one target per tenant`,
    });
  }
  return out;
}

function deletesUnmanaged(t: TargetConfig): boolean {
  return Object.values(t.policy ?? {}).some((p) => p.unmanaged === "delete");
}

/**
 * Pins that name a parent of the object rather than the object itself, so that several items
 * may share them. DingTalk punch groups are created under a business instance (`biz_inst_id`)
 * of the integrator's business (`biz_id`): DingTalk TOP SDK, OapiPbpInstanceGroupCreateRequest.
 */
const SHARED_PINS: ReadonlyMap<string, readonly string[]> = new Map([["dingtalk.PunchGroup", ["biz_inst_id", "biz_id"]]]);

/** The pins of a kind that name the object's own vendor id: no two items may pin the same. */
export function ownIdPins(kind: string, pins: readonly string[]): string[] {
  const shared = SHARED_PINS.get(kind) ?? [];
  return pins.filter((p) => !shared.includes(p));
}

/**
 * Items of one target and kind must not claim one live object twice: the same vendor id
 * pinned twice, the same previous key claimed twice, a previous key that is another item's
 * key, or keys that differ only in look-alike characters.
 */
export function identityClashes(groups: Iterable<ReadonlyMap<string, DesiredResource>>, idPins: (kind: string) => string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const byKey of groups) {
    const items = [...byKey.values()];
    const ownPins = items[0] ? idPins(items[0].kind) : [];
    const pins = new Map<string, DesiredResource>(); // "field\0value" → first item
    const previous = new Map<string, DesiredResource>();
    // A key that is its own look-alike form looks like no other key unless some other key is
    // not its own form: only then are forms compared (ASCII keys are always their own form).
    const looks = items.some((d) => NOT_ASCII.test(d.key) && lookAlikeForm(d.key) !== d.key) ? new Map<string, DesiredResource>() : undefined;
    for (const d of items) {
      for (const pin of ownPins) {
        const value = d.pins[pin];
        if (value === undefined || value === null) continue;
        const first = pins.get(`${pin}\u0000${String(value)}`);
        // Positions are looked up only for a message: finding one costs the file a second parse.
        if (first) out.push({ source: d.fieldSources?.[pin] ?? d.source, path: pin, message: `${d.kind} "${d.key}" pins ${pin} ${JSON.stringify(value)}, which "${first.key}" already pins (${at(first.fieldSources?.[pin] ?? first.source)}); one vendor object cannot be two items` });
        else pins.set(`${pin}\u0000${String(value)}`, d);
      }
      for (const old of d.previousKeys) {
        const where = () => d.fieldSources?.["previousKeys"] ?? d.source;
        const owner = byKey.get(old);
        const first = previous.get(old);
        if (owner && owner !== d) out.push({ source: where(), path: "previousKeys", message: `"${old}" is still the key of another item (${at(owner.source)}); a previous key must not be in use` });
        else if (first) out.push({ source: where(), path: "previousKeys", message: `"${old}" is also a previous key of "${first.key}" (${at(first.fieldSources?.["previousKeys"] ?? first.source)}); one object cannot be renamed twice` });
        else previous.set(old, d);
      }
      if (!looks) continue;
      const form = lookAlikeForm(d.key);
      const twin = looks.get(form);
      if (twin && twin.key !== d.key) out.push({ source: d.source, path: "key", message: `${d.kind} key ${JSON.stringify(d.key)} looks like ${JSON.stringify(twin.key)} (${at(twin.source)}) but is written with other characters (Unicode normalisation or full-width letters)` });
      else looks.set(form, d);
    }
  }
  return out;
}

import { scopeFor } from "../../engine/fetch.js";
import { readLive } from "../../engine/live.js";
import { whoisCount, whoisReport } from "../../engine/whois.js";
import { suggest } from "../../manifest/org/selectors.js";
import { UsageError } from "../../model/errors.js";
import { renderWhois } from "../../render/whois.js";
import type { Io } from "../io.js";
import { load, reading } from "./shared.js";

export interface WhoisOptions {
  format?: string;
}

/**
 * Where a person is today: read every target the manifests name (reads only) and list the
 * person's account and each place it appears. Exit 1 for a person marked `left: true` who is
 * still found somewhere, so an offboarding can be checked to be complete.
 */
export async function whoisCommand(handle: string, paths: string[], options: WhoisOptions, io: Io): Promise<number> {
  const format = options.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}: use text or json`);
  const manifests = load(paths, io);
  const person = manifests.org?.people.get(handle);
  if (!person) {
    const known = manifests.org ? [...manifests.org.people.keys()] : [];
    throw new UsageError(`no Person "${handle}" in the manifests${known.length ? suggest(handle, known) : " (they define no Person)"}`);
  }
  const { connect, done } = reading(io);
  const state = await readLive(manifests.targets, scopeFor(manifests.scope, manifests.desired), connect).finally(done);
  const report = whoisReport(person, manifests.targets, state.live);
  io.out(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderWhois(report, io.style));
  return person.left && whoisCount(report) > 0 ? 1 : 0;
}

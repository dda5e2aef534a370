import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDriver } from "../../src/drivers/registry.js";
import type { HttpResponse, VendorRequest } from "../../src/model/request.js";
import { ROOT } from "../helpers/orgform.js";

/**
 * Real vendor answers, quoted from independent sources (each entry cites its own), fed to
 * each driver's answer interpretation without any emulator: what the real vendor says must
 * be read the way the entry expects.
 */
interface CorpusEntry {
  name: string;
  source: string;
  /** Client settings that shape how answers are read (a custom token name). */
  credentials?: Record<string, string>;
  request: Pick<VendorRequest, "method" | "path"> & Partial<VendorRequest>;
  response: { status: number; headers?: Record<string, string>; body: string };
  expect: { ok: boolean; failure?: string; code?: string | number };
}

const DIR = join(ROOT, "test/fixtures/answers");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));

describe.each(files)("answer corpus %s", (file) => {
  const vendor = file.replace(/\.json$/, "");
  const corpus = JSON.parse(readFileSync(join(DIR, file), "utf8")) as { answers: CorpusEntry[] };

  it("names a driver and cites a source for every answer", () => {
    expect(findDriver(vendor)).toBeDefined();
    expect(corpus.answers.length).toBeGreaterThan(0);
    for (const entry of corpus.answers) expect(entry.source, entry.name).toMatch(/\S{8,}/);
  });

  it.each(corpus.answers.map((e) => [e.name, e] as const))("reads %s as the source shows", (_name, entry) => {
    const driver = findDriver(vendor);
    if (!driver) throw new Error(`no driver ${vendor}`);
    const credentials = Object.fromEntries(driver.credentials.fields.map((f) => [f, "x"]));
    const client = driver.createClient({ endpoint: "https://vendor.example", credentials: { ...credentials, ...entry.credentials } });
    const request: VendorRequest = { bucket: entry.request.path, ...entry.request };
    const response: HttpResponse = { status: entry.response.status, headers: entry.response.headers ?? {}, body: entry.response.body };

    const outcome = client.interpret(request, response);

    expect(outcome.ok).toBe(entry.expect.ok);
    if (!outcome.ok) {
      if (entry.expect.failure !== undefined) expect(outcome.failure).toBe(entry.expect.failure);
      if (entry.expect.code !== undefined) expect(String(outcome.code)).toBe(String(entry.expect.code));
    }
  });
});

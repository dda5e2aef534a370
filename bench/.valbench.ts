import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import jsyaml from "js-yaml";
import { generateOrg, shapeFor, REALISTIC_DRIFT, SECRETS } from "./generate.js";
import { loadManifests } from "../src/manifest/load.js";
const org = generateOrg({ shape: { ...shapeFor(100_000) }, drift: REALISTIC_DRIFT, vendors: ["isdp"], unlimitedTargets: true, emulatorLimits: "off", personsPerFile: 100000 } as never);
const dir = mkdtempSync(join(tmpdir(), "vb-"));
for (const f of org.files) writeFileSync(join(dir, f.name), f.text);
console.log(org.files.map(f => [f.name, (f.text.length/1e6).toFixed(1)]));
const env = { ...SECRETS, ISDP_ENDPOINT: "http://127.0.0.1:1/isdp" };
const big = org.files.filter(f => f.name !== "targets.yaml").map(f => join(dir, f.name));
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (const f of big) jsyaml.loadAll(readFileSync(f, "utf8"));
  const bare = performance.now() - t;
  t = performance.now();
  loadManifests([dir], { env });
  const full = performance.now() - t;
  console.log(`bare ${bare.toFixed(0)} ms, loadManifests ${full.toFixed(0)} ms, ratio ${(full / bare).toFixed(2)}`);
}

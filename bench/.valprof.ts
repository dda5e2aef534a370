import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { generateOrg, shapeFor, REALISTIC_DRIFT, SECRETS } from "./generate.js";
const org = generateOrg({ shape: { ...shapeFor(100_000) }, drift: REALISTIC_DRIFT, vendors: ["isdp"], unlimitedTargets: true, emulatorLimits: "off", personsPerFile: 100000 } as never);
const dir = mkdtempSync(join(tmpdir(), "vb-"));
for (const f of org.files) writeFileSync(join(dir, f.name), f.text);
writeFileSync("/tmp/vbdir", dir);
writeFileSync("/tmp/vbenv", JSON.stringify({ ...SECRETS, ISDP_ENDPOINT: "http://127.0.0.1:1/isdp" }));

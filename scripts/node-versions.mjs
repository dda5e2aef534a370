/* global process, console, URL */
// Runs the test suite under other Node.js majors than the one at hand (by default 22 and 24):
// each is installed from the npm registry as the platform's Node.js package
// (node-<platform>-<arch>, the binary inside a registry package) into
// node_modules/.cache/orgform-node/<major>, then vitest runs with that binary first on PATH,
// so the CLI the tests start runs on it too. Expects a build (`npm run test:node-versions`
// builds first). Usage: node scripts/node-versions.mjs [MAJOR ...] [-- vitest arguments]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const split = args.indexOf("--");
const majors = (split < 0 ? args : args.slice(0, split)).filter(Boolean);
const vitestArgs = split < 0 ? [] : args.slice(split + 1);
if (process.platform === "win32") {
  console.error("node-versions: runs on Linux and macOS only (the Windows package lays its binary out differently)");
  process.exit(2);
}

const results = [];
for (const major of majors.length ? majors : ["22", "24"]) {
  if (!/^\d+$/.test(major)) {
    console.error(`node-versions: "${major}" is not a major version (22, 24, ...)`);
    process.exit(2);
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(root, "node_modules", ".cache", "orgform-node", major);
  const bin = join(dir, "node_modules", pkg, "bin", "node");
  if (!existsSync(bin)) {
    console.log(`::: installing ${pkg}@${major} into ${dir}`);
    const install = spawnSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, `${pkg}@${major}`], { stdio: "inherit" });
    if (install.status !== 0 || !existsSync(bin)) {
      results.push({ major, version: "(not installed)", ok: false });
      continue;
    }
  }
  const version = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
  console.log(`::: the test suite on Node.js ${version}`);
  const env = { ...process.env, PATH: `${dirname(bin)}${delimiter}${process.env.PATH ?? ""}` };
  const run = spawnSync(bin, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...vitestArgs], { cwd: root, env, stdio: "inherit" });
  results.push({ major, version, ok: run.status === 0 });
}

for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} Node.js ${r.version}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

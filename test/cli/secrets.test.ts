import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { drivers, findDriver } from "../../src/drivers/registry.js";
import { REDACTED, redactHttpRequest, Redactor } from "../../src/http/redact.js";
import { readStateFile } from "../../src/emulator/state.js";
import { referencedVariable } from "../../src/manifest/interpolate.js";
import { loadManifests } from "../../src/manifest/load.js";
import { exampleEnv, exampleOf } from "../helpers/examples.js";
import { emulatorWith, runCli, type CliRun, type TestEmulator } from "../helpers/orgform.js";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The values of the example's secret credentials (as the example's demo.env sets them). */
function secretsOf(driver: string, env: Record<string, string>): string[] {
  const target = loadManifests([exampleOf(driver).dir], { env }).targets[0];
  const spec = findDriver(driver)?.credentials.secrets ?? [];
  return Object.entries(target?.credentialRefs ?? {})
    .filter(([field]) => spec.includes(field))
    .map(([, ref]) => env[referencedVariable(ref) ?? ""] ?? "")
    .filter((v) => v.length > 0);
}

describe.each(drivers.map((d) => d.name))("%s: secrets never leak", (driver) => {
  it("from validate, plan in every format, dry run, apply, an auth failure and a vendor error", async () => {
    emulator = await emulatorWith(readStateFile(exampleOf(driver).state));
    const env = exampleEnv(driver, emulator.url);
    const secrets = secretsOf(driver, env);
    expect(secrets.length).toBeGreaterThan(0);
    const { dir } = exampleOf(driver);
    const out = mkdtempSync(join(tmpdir(), "orgform-secrets-"));
    const wrong = Object.fromEntries(Object.keys(env).filter((k) => !k.endsWith("_ENDPOINT")).map((k) => [k, `WRONG-${k}-a8f1c2`]));

    const runs: CliRun[] = [];
    runs.push(await runCli(["validate", dir], { env }));
    for (const format of ["text", "json", "markdown"]) runs.push(await runCli(["plan", dir, "--format", format, "--out", join(out, `plan-${format}.json`)], { env }));
    runs.push(await runCli(["apply", dir, "--dry-run"], { env }));
    runs.push(await runCli(["apply", "--plan", join(out, "plan-text.json"), dir, "--result", join(out, "result.json")], { env }));
    runs.push(await runCli(["plan", dir], { env: { ...env, ...wrong } }));
    await fetch(`${emulator.url}/_emulator/faults`, { method: "PUT", body: JSON.stringify({ probability: 1, seed: 1, kinds: ["corrupt"] }) });
    runs.push(await runCli(["apply", dir, "--auto-approve", "--result", join(out, "failed.json")], { env }));

    const files = ["plan-text.json", "plan-json.json", "plan-markdown.json", "result.json", "failed.json"].map((f) => join(out, f)).filter(existsSync);
    const everything = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...files.map((f) => readFileSync(f, "utf8"))].join("\n");
    for (const secret of [...secrets, ...Object.values(wrong)]) expect(everything).not.toContain(secret);
    expect(runs[runs.length - 2]?.code).toBe(1); // the wrong credentials were refused
    expect(files.length).toBe(5);
  });
});

describe("secrets are redacted in every encoding they travel in", () => {
  // Space, plus, slash, equals, ampersand, percent, quote, backslash and non-ASCII: each
  // encoding writes some of them differently.
  const SECRET = 'p@ss wörd+/=&%"\\密钥';
  const redactor = new Redactor();
  redactor.add(SECRET);
  const pythonJson = JSON.stringify(SECRET).slice(1, -1).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

  it.each([
    ["as written", SECRET],
    ["percent-encoded", encodeURIComponent(SECRET)],
    ["percent-encoded, lower-case hex", encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ["form-encoded (+ for a space)", new URLSearchParams({ s: SECRET }).toString().slice(2)],
    ["inside a JSON string", JSON.stringify(SECRET).slice(1, -1)],
    ["inside a JSON string with \\u escapes", pythonJson],
    ["Base64", Buffer.from(SECRET).toString("base64")],
  ])("%s", (_how, wire) => {
    const out = redactor.redact(`vendor said: {"echo":"${wire}"} end`);

    expect(out).toBe(`vendor said: {"echo":"${REDACTED}"} end`);
  });

  it("blanks a secret echoed under an ordinary field name of a form body", () => {
    const req = { method: "POST" as const, url: "https://vendor.example/api?note=x", headers: {}, body: new URLSearchParams({ remark: SECRET, name: "ok" }).toString() };

    const printed = redactHttpRequest(req, redactor);

    expect(printed.body).toBe(`remark=${REDACTED}&name=ok`);
  });
});

describe("a password in an endpoint URL", () => {
  it("is redacted once the URL is registered, in the URL and wherever it is echoed", () => {
    const redactor = new Redactor();
    redactor.addUrl("https://svc-user:Hunter%2F22-pw@vendor.example/api");

    expect(redactor.redact("echo Hunter/22-pw and Hunter%2F22-pw")).toBe(`echo ${REDACTED} and ${REDACTED}`);
  });

  it("is redacted in any URL of any text, registered or not, however short", () => {
    const redactor = new Redactor();

    expect(redactor.redact("connect https://u:pw@h.example:8443/x failed; also http://a:b@c")).toBe(`connect https://u:${REDACTED}@h.example:8443/x failed; also http://a:${REDACTED}@c`);
    expect(redactor.redact("mail me at someone@example.com, see https://example.com/a@b")).toBe("mail me at someone@example.com, see https://example.com/a@b");
  });

  it("is blanked in a printed request", () => {
    const printed = redactHttpRequest({ method: "GET", url: "https://user:topsecret-pw@vendor.example/api?x=1", headers: {} }, new Redactor());

    expect(printed.url).not.toContain("topsecret-pw");
    expect(printed.url).toContain(`user:${REDACTED}@vendor.example`);
  });

  it("never reaches validate, plan, a dry run or an error (CLI)", async () => {
    emulator = await emulatorWith(readStateFile(exampleOf("dingtalk").state));
    const env = exampleEnv("dingtalk", emulator.url);
    const PASSWORD = "userinfo-pw-7731";
    const withPassword = { ...env, DINGTALK_ENDPOINT: env["DINGTALK_ENDPOINT"]?.replace("http://", `http://ops:${PASSWORD}@`) ?? "" };
    const unreachable = { ...env, DINGTALK_ENDPOINT: `http://ops:${PASSWORD}@127.0.0.1:1/dingtalk`, ORGFORM_HTTP_TIMEOUT_MS: "500" };
    const { dir } = exampleOf("dingtalk");

    const runs = [
      await runCli(["validate", dir], { env: withPassword }),
      await runCli(["apply", dir, "--dry-run"], { env: withPassword }),
      await runCli(["plan", dir, "--format", "json"], { env: withPassword }),
      await runCli(["plan", dir], { env: unreachable }),
    ];

    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    expect(runs[0]?.code).toBe(0);
    expect(runs[3]?.code).toBe(1);
  });
});

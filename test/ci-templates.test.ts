import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readStateFile } from "../src/emulator/state.js";
import { exampleEnv, exampleOf } from "./helpers/examples.js";
import { emulatorWith, ROOT, runCli, type TestEmulator } from "./helpers/orgform.js";

const TEMPLATES = ["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"];

/** Every `orgform ...` command line of a template, up to the first shell redirection, pipe or separator. */
function orgformCommands(file: string): string[][] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/npx --no-install orgform ([^\n]*)/g)].map((m) => {
    const args: string[] = [];
    for (const token of (m[1] ?? "").trim().split(/\s+/)) {
      if (/^(\d?>|\||;|&&|\|\||\))/.test(token) || /["'`]/.test(token)) break;
      args.push(token.replace(/;$/, ""));
      if (token.endsWith(";")) break;
    }
    return args;
  });
}

/** The commands by role: validate, review plan, apply of the reviewed plan, fresh plan, apply of the fresh plan, drift check. */
function roles(file: string) {
  const commands = orgformCommands(file);
  expect(commands.map((c) => c[0])).toEqual(["validate", "plan", "apply", "plan", "apply", "plan"]);
  const [validate, review, apply, fresh, applyFresh, drift] = commands as [string[], string[], string[], string[], string[], string[]];
  return { validate, review, apply, fresh, applyFresh, drift };
}

/** The `${VAR}` secrets the examples' targets read (endpoints are not secrets). */
function exampleSecrets(): string[] {
  const names = new Set<string>();
  for (const dir of readdirSync(join(ROOT, "examples"))) {
    const file = join(ROOT, "examples", dir, "target.yaml");
    if (!existsSync(file)) continue;
    for (const m of readFileSync(file, "utf8").matchAll(/^\s+\w+: \$\{(\w+)\}/gm)) if (!m[1]!.endsWith("_ENDPOINT")) names.add(m[1]!);
  }
  return [...names].sort();
}

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function repoWithExample(): Promise<{ repo: string; env: Record<string, string> }> {
  emulator = await emulatorWith(readStateFile(exampleOf("dingtalk").state));
  const repo = mkdtempSync(join(tmpdir(), "orgform-ci-"));
  cpSync(exampleOf("dingtalk").dir, join(repo, "org"), { recursive: true });
  return { repo, env: exampleEnv("dingtalk", emulator.url) };
}

describe.each(TEMPLATES)("%s", (template) => {
  it("validates, plans on review, applies the saved plan on merge, and finds no drift afterwards", async () => {
    const { validate, review, apply, drift } = roles(template);
    const { repo, env } = await repoWithExample();

    const codes: number[] = [];
    for (const args of [validate, review, apply, drift]) codes.push((await runCli(args, { env, cwd: repo })).code);

    // Valid (0), the review plan has changes (2), the merge applies them (0), the nightly check is clean (0).
    expect(codes).toEqual([0, 2, 0, 0]);
    expect(existsSync(join(repo, "plan.json"))).toBe(true);
    expect(apply).toContain("org/"); // apply re-plans from the manifests
  });

  it("refuses the saved plan once the tenant changed after review, then re-plans and applies the fresh plan", async () => {
    const { review, apply, fresh, applyFresh, drift } = roles(template);
    const { repo, env } = await repoWithExample();

    await runCli(review, { env, cwd: repo });
    const state = readStateFile(exampleOf("dingtalk").state) as { dingtalk: { punchGroups: { members: unknown[] }[] } };
    state.dingtalk.punchGroups[0]?.members.push({ member_id: "lisi", type: 0 });
    await fetch(`${emulator!.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(state) });
    const refused = await runCli(apply, { env, cwd: repo });
    const replanned = await runCli(fresh, { env, cwd: repo });
    const appliedFresh = await runCli(applyFresh, { env, cwd: repo });
    const after = await runCli(drift, { env, cwd: repo });

    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stale/i); // what the template greps for
    expect(replanned.code).toBe(0);
    expect(existsSync(join(repo, "fresh-plan.json"))).toBe(true);
    expect(appliedFresh.code).toBe(0);
    expect(after.code).toBe(0);
  });

  it("uses npx --no-install, Node 22 and 24, and the secret names the examples use", () => {
    const text = readFileSync(join(ROOT, template), "utf8");
    expect(text).not.toMatch(/npx orgform/);
    expect(text).not.toMatch(/node(-version:|:)\s*"?20\b/);
    expect(text).toMatch(/\b22\b/);
    expect(text).toMatch(/\b24\b/);
    expect(text).toContain("npm ci --ignore-scripts");
    for (const name of exampleSecrets()) expect(text, name).toContain(name);
    expect(text).not.toMatch(/XRXS_|JDY_/);
  });
});

describe("GitHub Actions template", () => {
  const workflow = parse(readFileSync(join(ROOT, TEMPLATES[0]!), "utf8")) as {
    env?: unknown;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { run?: string; uses?: string; env?: Record<string, string> }[] }>;
  };

  it("gives vendor secrets only to the steps that run plan or apply, never to npm ci or an action", () => {
    expect(workflow.env).toBeUndefined();
    expect(workflow.permissions).toEqual({ contents: "read" });
    const secretSteps = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => JSON.stringify(s.env ?? {}).includes("secrets.")));
    expect(secretSteps.length).toBeGreaterThan(0);
    for (const step of secretSteps) {
      expect(step.uses).toBeUndefined();
      expect(step.run).toMatch(/orgform (plan|apply)/);
      expect(step.run).not.toContain("npm ci");
      expect(Object.keys(step.env ?? {}).sort()).toEqual(exampleSecrets());
    }
    for (const step of workflow.jobs["validate"]!.steps) expect(JSON.stringify(step)).not.toContain("secrets.");
  });

  it("comments on the pull request also when plan fails", () => {
    const steps = workflow.jobs["plan"]!.steps;
    const comment = steps.find((s) => s.uses?.startsWith("actions/github-script"));
    expect((comment as { if?: string }).if).toContain("always()");
  });
});

describe("GitLab CI template", () => {
  const pipeline = parse(readFileSync(join(ROOT, TEMPLATES[1]!), "utf8")) as Record<string, { resource_group?: string; when?: string }> & { cache?: unknown; image: string };

  it("never runs two applies at once, caches npm, and defaults to a supported Node", () => {
    expect(pipeline["orgform-apply"]?.resource_group).toBe("orgform-production");
    expect(pipeline["orgform-apply-fresh"]?.resource_group).toBe("orgform-production");
    expect(pipeline.cache).toBeDefined();
    expect(pipeline.image).toBe("node:24");
  });
});

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DriverSizes } from "./minimum.js";

/**
 * The benchmark measures the build users run (`dist/`, made by `npm run bench` before it
 * starts), typed from the sources it was built from.
 */
type Live = typeof import("../src/engine/live.js");
type Scope = typeof import("../src/engine/scope.js");
type Operations = typeof import("../src/engine/operations.js");
type Fetch = typeof import("../src/engine/fetch.js");
type PlanModule = typeof import("../src/engine/build-plan.js");
type Load = typeof import("../src/manifest/load.js");
type Text = typeof import("../src/render/text.js");
type Json = typeof import("../src/render/json.js");
type PlanFile = typeof import("../src/engine/plan-file.js");
type Markdown = typeof import("../src/render/markdown.js");
type Registry = typeof import("../src/drivers/registry.js");
type Retry = typeof import("../src/http/retry.js");
type Server = typeof import("../src/emulator/server.js");
type DingTalkFetch = typeof import("../src/drivers/dingtalk/fetch.js");
type DingTalkKind = typeof import("../src/drivers/dingtalk/kinds/punch-group.js");
type IsdpFetch = typeof import("../src/drivers/isdp/fetch.js");
type IsdpKind = typeof import("../src/drivers/isdp/kinds/person.js");
type JiandaoyunApi = typeof import("../src/drivers/jiandaoyun/api.js");
type O2oaFetch = typeof import("../src/drivers/o2oa/fetch.js");

/** The build; a worker compiled elsewhere is told where it is. */
const DIST = process.env["ORGFORM_BENCH_DIST"] ? pathToFileURL(`${process.env["ORGFORM_BENCH_DIST"]}/`) : new URL("../dist/", import.meta.url);

function load<T>(path: string): Promise<T> {
  const file = new URL(path, DIST);
  if (!existsSync(file)) throw new Error(`${fileURLToPath(file)} is missing: run \`npm run build\` first (npm run bench does)`);
  return import(file.href) as Promise<T>;
}

export async function orgform() {
  const [live, scope, operations, fetch, plan, manifest, text, json, markdown, registry, retry, planFile] = await Promise.all([
    load<Live>("engine/live.js"),
    load<Scope>("engine/scope.js"),
    load<Operations>("engine/operations.js"),
    load<Fetch>("engine/fetch.js"),
    load<PlanModule>("engine/build-plan.js"),
    load<Load>("manifest/load.js"),
    load<Text>("render/text.js"),
    load<Json>("render/json.js"),
    load<Markdown>("render/markdown.js"),
    load<Registry>("drivers/registry.js"),
    load<Retry>("http/retry.js"),
    load<PlanFile>("engine/plan-file.js"),
  ]);
  return { ...live, ...scope, ...operations, ...fetch, ...plan, ...manifest, ...text, ...json, ...markdown, ...registry, ...retry, ...planFile };
}

/** The YAML parser orgform uses, as its build resolves it: the baseline for validate. */
export async function jsYaml(): Promise<typeof import("js-yaml")> {
  const file = createRequire(new URL("package.json", new URL("../", DIST))).resolve("js-yaml");
  const mod = (await import(pathToFileURL(file).href)) as { default?: typeof import("js-yaml") } & typeof import("js-yaml");
  return mod.default ?? mod;
}

export async function emulatorServer(): Promise<Server> {
  return load<Server>("emulator/server.js");
}

/** Page, batch and chunk sizes as the drivers declare them. */
export async function driverSizes(): Promise<DriverSizes> {
  const [dingtalkFetch, dingtalkKind, isdpFetch, isdpKind, jiandaoyun, o2oa] = await Promise.all([
    load<DingTalkFetch>("drivers/dingtalk/fetch.js"),
    load<DingTalkKind>("drivers/dingtalk/kinds/punch-group.js"),
    load<IsdpFetch>("drivers/isdp/fetch.js"),
    load<IsdpKind>("drivers/isdp/kinds/person.js"),
    load<JiandaoyunApi>("drivers/jiandaoyun/api.js"),
    load<O2oaFetch>("drivers/o2oa/fetch.js"),
  ]);
  return {
    dingtalkMemberPage: dingtalkFetch.MEMBER_PAGE_SIZE,
    dingtalkMemberChunk: dingtalkKind.MEMBER_CHUNK,
    isdpPersonPage: isdpFetch.PERSON_PAGE_SIZE,
    isdpPersonBatch: isdpKind.PERSON_BATCH,
    jiandaoyunListPage: jiandaoyun.LIST_PAGE_SIZE,
    jiandaoyunMemberPage: jiandaoyun.MEMBER_PAGE_SIZE,
    jiandaoyunMemberChunk: jiandaoyun.MEMBER_CHUNK,
    o2oaPage: o2oa.PAGE_SIZE,
  };
}

type Read = typeof import("../src/manifest/read.js");
type Directory = typeof import("../src/manifest/org/directory.js");
type OrgDocuments = typeof import("../src/manifest/org/documents.js");

/** The org model's steps, to time resolution apart from parsing and validation. */
export async function orgModel() {
  const [manifest, read, directory, documents, registry] = await Promise.all([
    load<Load>("manifest/load.js"),
    load<Read>("manifest/read.js"),
    load<Directory>("manifest/org/directory.js"),
    load<OrgDocuments>("manifest/org/documents.js"),
    load<Registry>("drivers/registry.js"),
  ]);
  return { ...manifest, ...read, ...directory, ...documents, findKind: registry.findKind };
}

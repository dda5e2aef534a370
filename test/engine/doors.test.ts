import { afterEach, describe, expect, it } from "vitest";
import { applyRun } from "../../src/engine/apply-run.js";
import { driverLookup } from "../../src/engine/drivers.js";
import { planRun } from "../../src/engine/plan-run.js";
import { StalePlanError, UnsafePlanError } from "../../src/model/errors.js";
import { memo, startTeamService, teamManifests, type TeamService } from "./neutral-driver.js";

const drivers = driverLookup([memo]);
const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
let service: TeamService | undefined;
afterEach(() => service?.close());

describe("planRun and applyRun with a driver of the caller's", () => {
  it("plan, apply, plan again: nothing left", async () => {
    service = await startTeamService([{ id: "a", name: "A", members: ["p1", "p2"] }]);
    const manifests = teamManifests(service.url, [{ id: "a", name: "Team A", members: ["p2", "p3"] }]);

    const run = await planRun({ manifests, drivers });
    const report = await applyRun({ run });
    const again = await planRun({ manifests, drivers });

    expect(run.plan.actions.map((a) => a.changes)).toEqual([[{ field: "members", add: ["p3"], remove: ["p1"] }, { field: "name", before: "A", after: "Team A" }]]);
    expect(report.verdict).toBe("applied");
    expect(service.teams.get("a")).toEqual({ id: "a", name: "Team A", members: ["p2", "p3"] });
    expect(again.plan.actions).toEqual([]);
  });

  it("refuses an unsafe plan without force, and a dry run sends nothing", async () => {
    service = await startTeamService([{ id: "a", name: "A", members: people(20) }]);
    const run = await planRun({ manifests: teamManifests(service.url, [{ id: "a", name: "A", members: ["p0"] }]), drivers });

    await expect(applyRun({ run })).rejects.toBeInstanceOf(UnsafePlanError);
    const dry = await applyRun({ run, force: true, dryRun: true });

    expect(dry.verdict).toBe("dry-run");
    expect(dry.requests.map((g) => g.requests.map((r) => `${r.method} ${r.url}`))).toEqual([[`POST ${service.url}/teams/update`]]);
    expect(service.writes).toBe(0);
  });

  it("asks before sending and sends nothing when the answer is no", async () => {
    service = await startTeamService([{ id: "a", name: "A", members: [] }]);
    const run = await planRun({ manifests: teamManifests(service.url, [{ id: "a", name: "B", members: [] }]), drivers });
    const asked: number[] = [];

    const report = await applyRun({ run, confirm: async (r) => (asked.push(r.plan.actions.length), false) });

    expect([report.verdict, asked, service.writes]).toEqual(["cancelled", [1], 0]);
  });

  it("refuses a saved plan whose live state moved since", async () => {
    service = await startTeamService([{ id: "a", name: "A", members: [] }]);
    const manifests = teamManifests(service.url, [{ id: "a", name: "B", members: [] }]);
    const saved = structuredClone((await planRun({ manifests, drivers })).plan);
    service.teams.set("a", { id: "a", name: "A", members: ["p9"] });

    await expect(applyRun({ savedPlan: saved, manifests, drivers })).rejects.toBeInstanceOf(StalePlanError);
    expect(service.writes).toBe(0);
  });
});

import { failing } from "../../engine/doctor/checks.js";
import { doctorRun, type DoctorCheck, type DoctorReport } from "../../engine/doctor/run.js";
import { UsageError } from "../../model/errors.js";
import type { Style } from "../../render/style.js";
import type { Io } from "../io.js";
import { load } from "./shared.js";

export interface DoctorOptions {
  target?: string[];
  format?: string;
}

/** Check each target with reads only; exit 0 when nothing failed or was contradicted. */
export async function doctorCommand(paths: string[], options: DoctorOptions, io: Io): Promise<number> {
  const format = options.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}: use text or json`);
  const manifests = load(paths, io, "record");
  const report = await doctorRun({ manifests, env: io.env, targets: options.target, redactor: io.redactor });
  io.out(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : doctorTable(report, io.style));
  return report.ok ? 0 : 1;
}

/** One row per check, the fix under a failed one, and a closing line. */
function doctorTable(report: DoctorReport, style: Style): string {
  const widths = [0, 0, 0];
  const cells = (c: DoctorCheck) => [c.target, c.check, c.status];
  for (const c of report.checks) cells(c).forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 0, v.length)));
  const lines = report.checks.map((c) => {
    const [t, check, status] = cells(c).map((v, i) => v.padEnd(widths[i] ?? 0));
    const shown = failing(c.status) ? style.remove(status ?? "") : c.status === "cannot check" ? style.change(status ?? "") : style.add(status ?? "");
    return `${t}  ${check}  ${shown}  ${c.detail}${c.fix ? `\n${" ".repeat((widths[0] ?? 0) + 2)}fix: ${c.fix}` : ""}`;
  });
  const failed = report.checks.filter((c) => failing(c.status)).length;
  lines.push("", report.ok ? "Doctor: every check that could be made holds." : `Doctor: ${failed} check${failed === 1 ? "" : "s"} failed.`);
  return `${lines.join("\n")}\n`;
}

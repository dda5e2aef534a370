import { createHash } from "node:crypto";
import type { Manifests } from "../../manifest/load.js";
import { ManifestError } from "../../model/errors.js";
import type { Diagnostic } from "../../model/plan.js";
import { describeError, problemText } from "../errors.js";
import type { Io } from "../io.js";
import { load } from "./shared.js";

export const VALIDATE_FORMATS = ["text", "json", "github", "gitlab"] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/**
 * Check manifests without calling any vendor and without needing any secret. The format
 * changes stdout only: `json` prints one report (docs/cli.md); `github` each problem as a
 * GitHub Actions error annotation, which the pull request shows on the line it names; `gitlab`
 * a GitLab code quality report (the merge request widget lists it). stderr reads as in the text
 * format. Problems exit 1 in every format.
 */
export function validateCommand(paths: string[], io: Io, format: ValidateFormat = "text"): number {
  let m: Manifests;
  try {
    m = load(paths, io, "record");
  } catch (err) {
    if (format === "text" || !(err instanceof ManifestError)) throw err;
    if (format === "json") io.out(`${JSON.stringify({ valid: false, problems: err.diagnostics.map(problemOf) }, null, 2)}\n`);
    else if (format === "gitlab") io.out(`${JSON.stringify(err.diagnostics.map(codeQualityIssue), null, 2)}\n`);
    else for (const d of err.diagnostics) io.out(`${annotation(d)}\n`);
    io.err(describeError(err).text);
    return 1;
  }
  const kinds = new Set(m.desired.map((d) => d.kind)).size;
  const unset = [...new Set(m.targets.flatMap((t) => t.missingVariables ?? []))].sort();
  if (format === "json" || format === "gitlab") {
    const report = { valid: true, files: m.files, targets: m.targets.length, resources: m.desired.length, kinds, unsetVariables: unset, problems: [] };
    io.out(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : "[]\n");
    if (unset.length) io.err(unsetNote(unset));
    return 0;
  }
  io.out(
    `Valid: ${m.files.length} file${m.files.length === 1 ? "" : "s"}, ${m.targets.length} target${m.targets.length === 1 ? "" : "s"}, ` +
      `${m.desired.length} resource${m.desired.length === 1 ? "" : "s"} of ${kinds} kind${kinds === 1 ? "" : "s"}.\n`,
  );
  if (unset.length) io.err(unsetNote(unset));
  return 0;
}

function unsetNote(unset: string[]): string {
  return `Note: not set here, needed by plan, apply, import and doctor: ${unset.join(", ")}.\n`;
}

/** One problem as an entry of a GitLab code quality report (the Code Climate issue format). */
export function codeQualityIssue(d: Diagnostic): Record<string, unknown> {
  const description = problemText(d);
  const path = d.source?.file ?? ".";
  const line = d.source?.line ?? 1;
  const fingerprint = createHash("sha256").update(`${path}\u0000${line}\u0000${d.source?.column ?? 0}\u0000${description}`).digest("hex");
  return { description, check_name: "orgform-validate", fingerprint, severity: "major", location: { path, lines: { begin: line } } };
}

/** A problem in the JSON report: where (when known), the field path (when known), what. */
function problemOf(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.source) Object.assign(out, { file: d.source.file, line: d.source.line, column: d.source.column });
  if (d.path) out["path"] = d.path;
  out["message"] = d.message;
  return out;
}

/** `::error file=F,line=L,col=C,title=orgform::path: message`, escaped as GitHub's workflow commands want. */
export function annotation(d: Diagnostic): string {
  const message = escapeData(problemText(d));
  if (!d.source) return `::error title=orgform::${message}`;
  const where = [`file=${escapeProperty(d.source.file)}`, `line=${d.source.line}`, `col=${d.source.column}`, "title=orgform"];
  return `::error ${where.join(",")}::${message}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

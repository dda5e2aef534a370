import { CancelledError, DriverError, ManifestError, NetworkFailure, StalePlanError, UnsafePlanError, UsageError } from "../model/errors.js";
import type { Diagnostic } from "../model/plan.js";

/** `file:line:column path: message` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.source ? `${d.source.file}:${d.source.line}:${d.source.column} ` : "";
  return `${where}${problemText(d)}`;
}

/** `path: message`, or the message alone when there is no field path. */
export function problemText(d: Diagnostic): string {
  return d.path ? `${d.path}: ${d.message}` : d.message;
}

/** The one place that turns an error into words for the user and an exit code. */
export function describeError(err: unknown): { text: string; exitCode: number } {
  if (err instanceof ManifestError) {
    return { text: `${err.diagnostics.map(formatDiagnostic).join("\n")}\nError: ${err.message}.\n`, exitCode: 1 };
  }
  if (err instanceof CancelledError) return { text: `${err.message}\n`, exitCode: err.exitCode };
  if (err instanceof NetworkFailure) return { text: `Error: ${err.message}\n`, exitCode: 1 };
  if (err instanceof DriverError) {
    const where = err.detail?.path ? ` (${err.detail.method ?? ""} ${err.detail.path})` : "";
    return { text: `Error: ${err.message}${where} [${err.failure}]\n`, exitCode: 1 };
  }
  if (err instanceof UnsafePlanError) {
    return { text: `${err.violations.map((v) => `  ! ${v.message} [${v.rule}]`).join("\n")}\nError: ${err.message}.\n`, exitCode: 1 };
  }
  if (err instanceof StalePlanError || err instanceof UsageError) return { text: `Error: ${err.message}.\n`, exitCode: 1 };
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return { text: `Error: ${text}\nThis is a bug in orgform; please report it with the command you ran.\n`, exitCode: 1 };
}

/** How one doctor check came out. `cannot check` is not a failure: nothing could tell. */
export type DoctorStatus = "ok" | "failed" | "holds" | "contradicted" | "cannot check";

/** One line of doctor's report. */
export interface DoctorCheck {
  target: string;
  /** `credentials`, `endpoint`, `clock`, `token`, `api <name>` or `assumption <id>`. */
  check: string;
  status: DoctorStatus;
  detail: string;
  /** What to do about a failure. */
  fix?: string;
}

export function failing(status: DoctorStatus): boolean {
  return status === "failed" || status === "contradicted";
}

/** Largest clock difference accepted where a vendor signs timestamps; vendors publish no tolerance. */
export const CLOCK_SKEW_LIMIT_S = 60;

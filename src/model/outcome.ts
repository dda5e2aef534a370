import type { FailureClass } from "./errors.js";

/** The outcome of one HTTP exchange as the vendor meant it. */
export type Outcome =
  | { ok: true; data: unknown }
  | { ok: false; failure: FailureClass; code?: string | number; message: string };

import { UsageError } from "../model/errors.js";
import type { HttpLog } from "../http/sender.js";

/** `info` prints what every run prints; `debug` adds one line per HTTP exchange; `trace` adds headers and bodies. */
export const LOG_LEVELS = ["info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The level from `--log-level` if given, else from ORGFORM_LOG, else `info`. */
export function resolveLogLevel(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): LogLevel {
  if (flag !== undefined) return parseLevel(flag, "--log-level");
  const fromEnv = env["ORGFORM_LOG"];
  if (fromEnv === undefined || fromEnv.trim() === "") return "info";
  return parseLevel(fromEnv, "ORGFORM_LOG");
}

function parseLevel(value: string, source: string): LogLevel {
  const level = value.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new UsageError(`${source}=${value}: use one of ${LOG_LEVELS.join(", ")}`);
}

/** The HTTP exchange log for a level, writing through `write` (which redacts), or none at `info`. */
export function httpLogFor(level: LogLevel, write: (line: string) => void): HttpLog | undefined {
  return level === "info" ? undefined : { level, write };
}

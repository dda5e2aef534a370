import type { HttpRequest, HttpResponse } from "../model/request.js";
import { REDACTED, Redactor, redactHttpRequest } from "./redact.js";

export type HttpLogLevel = "debug" | "trace";

/** A sink for HTTP exchange lines; `trace` adds request and answer bodies. */
export interface HttpLog {
  level: HttpLogLevel;
  write(line: string): void;
}

/**
 * Names whose values a log never shows, beyond the Redactor's list: any token (refresh tokens
 * included), secret, password, signature, ticket or session field.
 */
const SECRET_LIKE = /token|secret|passw|sign|ticket|session|cookie|credential/i;

/** Cookies carry session tokens; they are never logged. */
const HIDDEN_HEADERS = new Set(["cookie", "set-cookie"]);

const noValues = new Redactor();

/**
 * One exchange as log lines: `http GET <url> -> 200 (12 ms)`, and at trace the request headers
 * and both bodies. Sensitive query, header and body fields are blanked by name, then `redact`
 * blanks the run's known secret values wherever they appear.
 */
export function logExchange(
  log: HttpLog,
  request: HttpRequest,
  result: { response?: HttpResponse; failure?: string; ms: number },
  redact: (text: string) => string = (t) => t,
): void {
  const shown = redactHttpRequest(request, noValues);
  const outcome = result.response ? String(result.response.status) : `failed: ${result.failure ?? "network error"}`;
  const lines = [`http ${shown.method} ${shown.url} -> ${outcome} (${Math.round(result.ms)} ms)`];
  if (log.level === "trace") {
    for (const [name, value] of Object.entries(shown.headers)) lines.push(`  > ${name}: ${HIDDEN_HEADERS.has(name.toLowerCase()) ? REDACTED : value}`);
    if (shown.body !== undefined) lines.push(`  > ${oneLine(blankSecretLike(shown.body))}`);
    if (result.response) {
      for (const [name, value] of Object.entries(result.response.headers)) {
        if (HIDDEN_HEADERS.has(name) || isTokenHeader(name)) lines.push(`  < ${name}: ${REDACTED}`);
        else lines.push(`  < ${name}: ${value}`);
      }
      const body = redactHttpRequest({ method: "GET", url: request.url, headers: {}, body: result.response.body }, noValues).body ?? "";
      lines.push(`  < ${oneLine(blankSecretLike(body))}`);
    }
  }
  for (const line of lines) log.write(`${redact(line)}\n`);
}

function isTokenHeader(name: string): boolean {
  return SECRET_LIKE.test(name) || /authorization/i.test(name);
}

/** A JSON body with every secret-like field blanked; other bodies as they are. */
function blankSecretLike(body: string): string {
  try {
    return JSON.stringify(blank(JSON.parse(body)));
  } catch {
    return body;
  }
}

function blank(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blank);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_LIKE.test(k) && (typeof v === "string" || typeof v === "number") ? REDACTED : blank(v)]));
  }
  return value;
}

/** Control characters (newlines included) shown escaped, so one value never forges a log line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

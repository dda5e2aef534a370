import type { HttpRequest } from "../model/request.js";

export const REDACTED = "(redacted)";

/** Query, header and JSON body names whose values are secrets in any vendor's protocol. */
const SENSITIVE_NAMES = new Set(
  [
    "access_token",
    "accesstoken",
    "appsecret",
    "app_secret",
    "client_secret",
    "clientsecret",
    "secret",
    "password",
    "key",
    "apikey",
    "api_key",
    "authorization",
    "token",
    "x-token",
    "sign",
    "signature",
  ].map((n) => n.toLowerCase()),
);

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAMES.has(name.toLowerCase());
}

/**
 * Replaces every known secret value (credential secrets, tokens) in text. Values shorter
 * than four characters are not tracked: replacing them would shred ordinary output.
 */
export class Redactor {
  private readonly values = new Set<string>();

  add(...secrets: (string | undefined)[]): void {
    for (const s of secrets) if (s && s.length >= 4) this.values.add(s);
  }

  redact(text: string): string {
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join(REDACTED);
      const encoded = encodeURIComponent(v);
      if (encoded !== v && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
    }
    return out;
  }
}

/** A copy of an HTTP request fit for printing: sensitive query, header and body fields blanked. */
export function redactHttpRequest(req: HttpRequest, redactor: Redactor): HttpRequest {
  const url = new URL(req.url);
  for (const name of [...url.searchParams.keys()]) if (isSensitiveName(name)) url.searchParams.set(name, REDACTED);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = isSensitiveName(k) ? REDACTED : redactor.redact(v);
  let body = req.body;
  if (body !== undefined) body = redactor.redact(redactBody(body));
  return { method: req.method, url: redactor.redact(decodeURI(url.toString())), headers, body };
}

function redactBody(body: string): string {
  try {
    return JSON.stringify(blank(JSON.parse(body)));
  } catch {
    const form = new URLSearchParams(body);
    if ([...form.keys()].length === 0) return body;
    for (const name of [...form.keys()]) if (isSensitiveName(name)) form.set(name, REDACTED);
    return form.toString();
  }
}

function blank(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blank);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSensitiveName(k) ? REDACTED : blank(v)]));
  }
  return value;
}

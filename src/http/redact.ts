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

/** `scheme://user:password@` in any text: the password part, whoever registered it or not. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:)[^\s/?#@]+@/gi;

/**
 * Replaces every known secret value (credential secrets, tokens, passwords in endpoint URLs)
 * in text, in each encoding a URL, a form body, a JSON body or a vendor's echo may carry it.
 * Values shorter than four characters are not tracked: replacing them would shred ordinary
 * output.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private sorted: string[] | undefined;

  add(...secrets: (string | undefined)[]): void {
    for (const s of secrets) {
      if (!s || s.length < 4) continue;
      for (const form of encodingsOf(s)) this.values.add(form);
      this.sorted = undefined;
    }
  }

  /** Register the password of a URL's userinfo (`https://user:password@host`), if it has one. */
  addUrl(url: string | undefined): void {
    if (!url) return;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    if (!parsed.password) return;
    this.add(parsed.password);
    try {
      this.add(decodeURIComponent(parsed.password));
    } catch {
      // a password with a stray % is registered as written
    }
  }

  redact(text: string): string {
    let out = text.replace(URL_USERINFO, `$1${REDACTED}@`);
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    for (const v of this.sorted) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }
}

/**
 * The forms a secret takes on the wire: as is, percent-encoded (upper- and lower-case hex,
 * with and without the characters `encodeURI` leaves alone), form-encoded (`+` for a space),
 * inside a JSON string (with and without `\\uXXXX` escapes for non-ASCII), and Base64.
 */
export function encodingsOf(secret: string): Set<string> {
  const percent = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    encodeURI(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    percent.replace(/%20/g, "+"),
    json,
    json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    Buffer.from(secret, "utf8").toString("base64"),
    Buffer.from(secret, "utf8").toString("base64url"),
  ];
  return new Set(forms.filter((f) => f.length >= 4));
}

/** A copy of an HTTP request fit for printing: sensitive query, header and body fields blanked. */
export function redactHttpRequest(req: HttpRequest, redactor: Redactor): HttpRequest {
  const url = new URL(req.url);
  if (url.password) url.password = REDACTED;
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

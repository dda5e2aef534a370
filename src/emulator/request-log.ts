import { isSensitiveName, REDACTED } from "../http/redact.js";

export interface LoggedRequest {
  vendor: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  code?: string | number;
  /** Milliseconds since the emulator started. */
  start: number;
  end: number;
}

/** Every vendor call, with secrets blanked by name, for tests and for users watching a run. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push({ ...entry, query: blankObject(entry.query) as Record<string, string>, body: blankObject(entry.body) });
  }

  all(): LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

/** The body as logged: JSON when it parses, form fields when it looks like a form, else the text. */
export function loggableBody(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    if (/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(raw)) return Object.fromEntries(new URLSearchParams(raw));
    return raw;
  }
}

function blankObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blankObject);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSensitiveName(k) ? REDACTED : blankObject(v)]));
  }
  return value;
}

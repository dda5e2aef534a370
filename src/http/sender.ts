import axios, { type AxiosInstance } from "axios";
import type { HttpRequest, HttpResponse } from "../model/request.js";

/** The one way orgform puts a request on the wire. */
export interface HttpSender {
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** A transport failure: no HTTP answer (refused, reset, timed out). */
export class NetworkError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "NetworkError";
  }
}

export interface SenderOptions {
  /** Milliseconds before a call is abandoned (default 30 000, or ORGFORM_HTTP_TIMEOUT_MS). */
  timeoutMs?: number;
}

export function defaultTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const fromEnv = Number(env["ORGFORM_HTTP_TIMEOUT_MS"]);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

/** axios, configured once: raw text bodies, every status returned, a timeout, no redirects. */
export function createHttpSender(options: SenderOptions = {}): HttpSender {
  const instance: AxiosInstance = axios.create({
    timeout: options.timeoutMs ?? defaultTimeoutMs(),
    responseType: "text",
    transformResponse: (data: unknown) => data,
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
  });
  return {
    async send(request) {
      try {
        const res = await instance.request<string>({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
        });
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v);
        return { status: res.status, headers, body: typeof res.data === "string" ? res.data : String(res.data ?? "") };
      } catch (err) {
        const code = (err as { code?: string }).code ?? "ENETWORK";
        const message = code === "ECONNABORTED" || code === "ETIMEDOUT" ? "the call timed out" : `network error (${code})`;
        throw new NetworkError(code, message);
      }
    },
  };
}

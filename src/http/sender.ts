import axios, { type AxiosInstance, type AxiosRequestConfig } from "axios";
import type { HttpRequest, HttpResponse } from "../model/request.js";
import { logExchange, type HttpLog } from "./exchange-log.js";
import { proxyAuthorization, proxyFor, TunnelAgent } from "./proxy.js";

export type { HttpLog, HttpLogLevel } from "./exchange-log.js";

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
  /** Where each exchange is logged (debug: one line; trace: with bodies). Nothing is logged without it. */
  log?: HttpLog;
  /** Blanks known secret values in log lines (the run's Redactor); sensitive field names are blanked regardless. */
  redact?: (text: string) => string;
}

export function defaultTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const fromEnv = Number(env["ORGFORM_HTTP_TIMEOUT_MS"]);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 30_000;
}

/**
 * axios, configured once: raw text bodies, every status returned, a timeout, no redirects.
 * Proxies come from HTTPS_PROXY / HTTP_PROXY / NO_PROXY: an https vendor is reached through a
 * CONNECT tunnel, a plain-http one through the proxy's forwarding.
 */
export function createHttpSender(options: SenderOptions = {}): HttpSender {
  const instance: AxiosInstance = axios.create({
    timeout: options.timeoutMs ?? defaultTimeoutMs(),
    responseType: "text",
    transformResponse: (data: unknown) => data,
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
  });
  const tunnels = new Map<string, TunnelAgent>();
  const routing = (url: string): AxiosRequestConfig => {
    const proxy = proxyFor(url);
    if (!proxy) return {};
    if (url.startsWith("https:")) {
      let agent = tunnels.get(proxy.href);
      if (!agent) tunnels.set(proxy.href, (agent = new TunnelAgent(proxy)));
      return { httpsAgent: agent };
    }
    const auth = proxyAuthorization(proxy);
    return {
      proxy: { protocol: proxy.protocol.replace(":", ""), host: proxy.hostname, port: Number(proxy.port) || 80 },
      headers: auth ? { "proxy-authorization": auth } : {},
    };
  };
  return {
    async send(request) {
      const started = performance.now();
      const route = routing(request.url);
      try {
        const res = await instance.request<string>({
          ...route,
          method: request.method,
          url: request.url,
          headers: { ...request.headers, ...(route.headers as Record<string, string> | undefined) },
          data: request.body,
        });
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v);
        const response = { status: res.status, headers, body: typeof res.data === "string" ? res.data : String(res.data ?? "") };
        if (options.log) logExchange(options.log, request, { response, ms: performance.now() - started }, options.redact);
        return response;
      } catch (err) {
        const code = (err as { code?: string }).code ?? "ENETWORK";
        const where = hostPort(request.url);
        const cause = err instanceof Error && code === "EPROXY" ? `: ${err.message}` : "";
        const message =
          code === "ECONNABORTED" || code === "ETIMEDOUT" ? `the call to ${where} timed out` : `network error (${code}) reaching ${where}${cause}`;
        if (options.log) logExchange(options.log, request, { failure: code, ms: performance.now() - started }, options.redact);
        throw new NetworkError(code, message);
      }
    },
  };
}

function hostPort(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === "https:" ? "443" : "80")}`;
  } catch {
    return "the vendor";
  }
}

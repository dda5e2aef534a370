import http from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import { getProxyForUrl } from "proxy-from-env";

/**
 * The proxy a URL goes through, from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY (upper
 * or lower case, as curl reads them), or undefined for a direct connection.
 */
export function proxyFor(url: string): URL | undefined {
  const proxy = getProxyForUrl(url);
  if (!proxy) return undefined;
  try {
    return new URL(proxy.includes("://") ? proxy : `http://${proxy}`);
  } catch {
    return undefined;
  }
}

/** Proxy-Authorization from the user:password part of a proxy URL, if any. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(user).toString("base64")}`;
}

type ConnectCallback = (err: Error | null, socket?: Duplex) => void;

/**
 * An https agent that opens each connection through the proxy with CONNECT and then speaks TLS
 * to the vendor inside that tunnel, so the proxy never sees the request or its secrets.
 */
export class TunnelAgent extends https.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: true });
  }

  override createConnection(options: tls.ConnectionOptions & { host?: string; port?: number }, done: ConnectCallback): undefined {
    const host = options.host ?? "localhost";
    const port = options.port ?? 443;
    const auth = proxyAuthorization(this.proxy);
    const request = (this.proxy.protocol === "https:" ? https : http).request({
      host: this.proxy.hostname,
      port: Number(this.proxy.port) || (this.proxy.protocol === "https:" ? 443 : 80),
      method: "CONNECT",
      path: `${host}:${port}`,
      headers: { host: `${host}:${port}`, ...(auth ? { "proxy-authorization": auth } : {}) },
    });
    request.once("connect", (answer, socket) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        done(new ProxyError(`the proxy ${this.proxy.host} refused the tunnel to ${host}:${port} (HTTP ${answer.statusCode})`));
        return;
      }
      done(null, tls.connect({ ...options, socket, servername: options.servername ?? host }));
    });
    request.once("error", (err: NodeJS.ErrnoException) => done(new ProxyError(`the proxy ${this.proxy.host} cannot be reached (${err.code ?? err.message})`)));
    request.end();
    return undefined;
  }
}

export class ProxyError extends Error {
  readonly code = "EPROXY";
}

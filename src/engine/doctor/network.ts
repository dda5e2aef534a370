/** What kind of network trouble a transport error code shows, with what to look at. */
export interface NetworkDiagnosis {
  kind: "DNS" | "TCP" | "TLS" | "proxy" | "timeout" | "network";
  detail: string;
  fix: string;
}

const DNS = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME"]);
const TCP = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EADDRNOTAVAIL"]);
const TIMEOUT = new Set(["ETIMEDOUT", "ECONNABORTED", "ESOCKETTIMEDOUT"]);

/**
 * Classify the code of a failed exchange (Node's and axios' codes). `proxy` is the proxy the
 * environment names for this URL, if any: a connection failure then points at the proxy.
 */
export function diagnoseNetwork(code: string, host: string, proxy?: string): NetworkDiagnosis {
  if (proxy && (TCP.has(code) || DNS.has(code))) {
    return { kind: "proxy", detail: `cannot reach the proxy ${proxy} (${code})`, fix: "check HTTPS_PROXY / HTTP_PROXY, or add the host to NO_PROXY" };
  }
  if (DNS.has(code)) return { kind: "DNS", detail: `the name ${host} does not resolve (${code})`, fix: "check the endpoint's host name and this machine's DNS" };
  if (TCP.has(code)) return { kind: "TCP", detail: `${host} refused or dropped the connection (${code})`, fix: "check the endpoint's port, and any firewall between here and the vendor" };
  if (TIMEOUT.has(code)) return { kind: "timeout", detail: `${host} did not answer in time (${code})`, fix: "check the network path; raise ORGFORM_HTTP_TIMEOUT_MS if the vendor is slow" };
  if (/CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) {
    return { kind: "TLS", detail: `the TLS handshake with ${host} failed (${code})`, fix: "check the endpoint's certificate; a corporate proxy may need NODE_EXTRA_CA_CERTS" };
  }
  return { kind: "network", detail: `${host}: network error (${code})`, fix: "check the endpoint and the network" };
}

/** The proxy the environment sets for a URL, honouring NO_PROXY; undefined when none applies. */
export function proxyFor(url: URL, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== "");
  const proxy = url.protocol === "https:" ? pick("HTTPS_PROXY", "https_proxy") : pick("HTTP_PROXY", "http_proxy");
  if (!proxy) return undefined;
  const noProxy = (pick("NO_PROXY", "no_proxy") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const host = url.hostname;
  if (noProxy.some((p) => p === "*" || host === p.replace(/^\./, "") || host.endsWith(p.startsWith(".") ? p : `.${p}`))) return undefined;
  try {
    return new URL(proxy).host;
  } catch {
    return proxy;
  }
}

/**
 * Transport error codes in words, and which of them mean that nothing reached the vendor.
 * Codes are Node's (`ECONNREFUSED`, ...) and undici's (`UND_ERR_*`).
 */
const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
  EPIPE: "connection closed",
  ETIMEDOUT: "timed out",
  ECONNABORTED: "timed out",
  ERR_SOCKET_CONNECTION_TIMEOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_HEADERS_TIMEOUT: "timed out",
  UND_ERR_BODY_TIMEOUT: "timed out",
  UND_ERR_SOCKET: "connection closed",
  CERT_HAS_EXPIRED: "TLS certificate expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed TLS certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate not trusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate names another host",
};

/** Failures before any byte of the request could reach the vendor. */
const NOT_SENT: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export function describeNetworkCode(code: string | number | undefined, fallback: string): string {
  return (code !== undefined && REASONS[String(code)]) || fallback;
}

/** False only when the code proves the request never left: an unknown code may have been sent. */
export function mayHaveBeenSent(code: string | number | undefined): boolean {
  return code === undefined || !NOT_SENT.has(String(code));
}

/** `host:port` of an endpoint URL, with the scheme's default port spelled out. */
export function endpointHost(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    return `${url.hostname}:${port}`;
  } catch {
    return endpoint;
  }
}

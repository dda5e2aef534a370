import { createHmac } from "node:crypto";

/**
 * The v5 signature: Base64 of HMAC-SHA1 keyed with the app secret over the exact body text
 * that is sent. The caller puts it in the `sign` query parameter, where URL encoding turns
 * `+`, `/` and `=` into `%2B`, `%2F` and `%3D`.
 */
export function signBody(appSecret: string, body: string): string {
  return createHmac("sha1", Buffer.from(appSecret, "utf8")).update(Buffer.from(body, "utf8")).digest("base64");
}

import type { FailureClass } from "../../model/errors.js";

/**
 * ISDP publishes no business error codes: a refused call is HTTP 200 with `status: "failed"`
 * and a message, and the gateway speaks through HTTP statuses and OAuth2 error names (the
 * token page, https://support.huaweicloud.com/api-isdp/api_01_0019.html, and the 401 example
 * of https://support.huaweicloud.com/isdp_video/iRTC_008_04-1.html). These are the classes
 * orgform gives them.
 */
const OAUTH_ERRORS: Record<string, FailureClass> = {
  invalid_token: "tokenExpired",
  unauthorized: "auth",
  invalid_client: "auth",
  invalid_grant: "auth",
  unauthorized_client: "auth",
  access_denied: "permission",
  insufficient_scope: "permission",
};

function isOAuthError(name: unknown): name is string {
  return typeof name === "string" && Object.hasOwn(OAUTH_ERRORS, name);
}

/**
 * The OAuth2 error an answer names. The vendor's own 401 example spells the key `" error"`
 * (with a space) and the gateway may answer in XML (`<InvalidTokenException>`), so an
 * `invalid_token` anywhere in the raw body of a 401 counts, whatever carries it.
 */
export function oauthErrorIn(status: number, body: Record<string, unknown>, raw: string): string | undefined {
  const named = body["error"] ?? body[" error"];
  if (isOAuthError(named)) return named;
  if (status === 401 && raw.includes("invalid_token")) return "invalid_token";
  return undefined;
}

/** A failure by HTTP status (and OAuth2 `error` name when the body has one). */
export function classifyHttp(status: number, oauthError: string | undefined): FailureClass | undefined {
  if (isOAuthError(oauthError)) return OAUTH_ERRORS[oauthError];
  if (status === 401) return "auth";
  if (status === 403) return "permission";
  if (status === 404) return "notFound";
  if (status === 409) return "conflict";
  if (status === 429) return "rateLimited";
  if (status >= 500) return "server";
  if (status >= 400) return "invalid";
  return undefined;
}

/**
 * A `status: "failed"` answer. Without codes, only the wording tells throttling or overload
 * apart (unverified); everything else is a refusal of the request itself, never retried.
 */
export function classifyFailedMessage(message: string): FailureClass {
  if (/too many|too frequent|频繁|限流|throttl/i.test(message)) return "rateLimited";
  if (/busy|繁忙|try again later|稍后重试/i.test(message)) return "busy";
  return "invalid";
}

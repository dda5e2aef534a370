import type { FailureClass } from "../../model/errors.js";

/**
 * ISDP publishes no business error codes: a refused call is HTTP 200 with `status: "failed"`
 * and a message, and the gateway speaks through HTTP statuses and OAuth2 error names
 * (vendor notes 1.2, 1.3, 1.7). These are the classes orgform gives them.
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

/** Whether a body's `error` is one of the OAuth2 error names the gateway uses. */
export function isOAuthError(name: string | undefined): name is string {
  return name !== undefined && Object.hasOwn(OAUTH_ERRORS, name);
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
 * apart; everything else is a refusal of the request itself, which is never retried.
 */
export function classifyFailedMessage(message: string): FailureClass {
  if (/too many|too frequent|频繁|限流|throttl/i.test(message)) return "rateLimited";
  if (/busy|繁忙|try again later|稍后重试/i.test(message)) return "busy";
  return "invalid";
}

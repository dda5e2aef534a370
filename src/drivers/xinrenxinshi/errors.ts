import type { FailureClass } from "../../model/errors.js";
import type { HttpResponse } from "../../model/request.js";

/**
 * How Xinrenxinshi answers are classified. The vendor publishes no errcode catalogue (none in
 * the SDK `techqjyd/openapi-sdk-java`, its pages or third-party clients), so no business errcode
 * is given a meaning here: a non-zero errcode is a refusal (`invalid`, never retried), shown
 * with the vendor's own errcode and errmsg. What is classified comes from HTTP and OAuth:
 * - HTTP 429 and 5xx: throttled or failing, retried. (The SDK turns every status of 400 and
 *   above except 400 into an `ApiException(status)`, `util/HttpUtil.getResponseAsString`.)
 * - HTTP 401, or `invalid_token` anywhere in the body: the token is no longer accepted; the
 *   core gets a new one once and repeats the call. The vendor's answer to an expired token is
 *   not published, so an errmsg that speaks of the token is read the same way.
 * - HTTP 400 `invalid_client` on the token call: wrong app key or secret (authentication.html).
 */
export function classifyStatus(status: number): FailureClass | undefined {
  if (status === 429) return "rateLimited";
  if (status >= 500) return "server";
  if (status === 401) return "tokenExpired";
  return undefined;
}

/** The body says the access token is not accepted, in any of the shapes seen or guessed. */
export function mentionsInvalidToken(response: HttpResponse): boolean {
  return /invalid_token/i.test(response.body);
}

/**
 * An errmsg that speaks of the access token ("access_token", "token", "令牌"): treated as an
 * expired token, so a refresh is tried once. A second such answer after the refresh is reported.
 */
export function errmsgIsAboutToken(errmsg: string): boolean {
  return /access[_ ]?token|\btoken\b|令牌/i.test(errmsg);
}

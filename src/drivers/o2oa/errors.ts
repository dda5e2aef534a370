import type { FailureClass } from "../../model/errors.js";

/**
 * The prompt of the answer the organisation module's token filter sends when a call arrives
 * without a valid session: HTTP 401, `type: error`, this prompt and a message localised by
 * `Accept-Language` ("会话已过期或未登录." in Chinese). o2oa/o2oa
 * o2server/x_base_core_project/.../jaxrs/CipherManagerUserJaxrsFilter.java and
 * .../exception/ExceptionUnauthorized.java. Classified by the prompt, never by the wording.
 */
export const UNAUTHORIZED_PROMPT = "com.x.base.core.project.exception.ExceptionUnauthorized";

/**
 * Older servers answer the same situation with HTTP 500 and the fixed text of FilterTools
 * (`not cipher or manager or user.`, no prompt); an access check of a caller the platform took
 * for `anonymous` names that user in its message. Both mean "log in again".
 */
const ANONYMOUS_DENIED = [/not cipher or manager or user/i, /not manager or user/i, /anonymous.*(权限不足|访问被拒绝|access denied|denied)/i];

/** Prompts (exception class names) by how orgform handles them; the first match wins. */
const PROMPT_CLASSES: [RegExp, FailureClass][] = [
  [/\.ExceptionUnauthorized$/, "tokenExpired"],
  [/AccessDenied|ExceptionDeny|NotCipherManager/i, "permission"],
  [/PersonNotExistOrInvalidPassword|InvalidPassword|PasswordInvalid|ExceptionAdmin|LoginDisable|ClientNotExist|ReadToken|TokenExpired|EmptyCredential/i, "auth"],
  [/NotExist|NotFound/i, "notFound"],
  [/Duplicate|ExistIn|AlreadyExist/i, "conflict"],
];

/**
 * A platform error (`type: error`, HTTP 500, or 401 from a token filter). A `prompt` marks an
 * error the platform raised on purpose (a business rule), which repeating will not fix; without
 * one it is an unexpected server failure, which may pass.
 */
export function classifyPlatformError(message: string, prompt: string | undefined, status: number): FailureClass {
  if (prompt) {
    if (prompt === UNAUTHORIZED_PROMPT || /\.ExceptionUnauthorized$/.test(prompt)) return "tokenExpired";
    if (ANONYMOUS_DENIED.some((re) => re.test(message))) return "tokenExpired";
    for (const [re, cls] of PROMPT_CLASSES) if (re.test(prompt)) return cls;
    return "invalid";
  }
  if (ANONYMOUS_DENIED.some((re) => re.test(message))) return "tokenExpired";
  // A 401 without a prompt is still the platform saying the session is not valid.
  if (status === 401) return "tokenExpired";
  return "server";
}

/** A sync result `error`, read from its description (the script has no codes). */
export function classifySyncError(description: string): FailureClass {
  if (ANONYMOUS_DENIED.some((re) => re.test(description))) return "tokenExpired";
  if (/已存在|重复|duplicate|already exists/i.test(description)) return "conflict";
  if (/不存在|not exist|not found/i.test(description)) return "notFound";
  if (/权限|denied|permission/i.test(description)) return "permission";
  return "invalid";
}

/** The short class name of a prompt, as the code orgform reports. */
export function promptCode(prompt: string): string {
  return prompt.slice(prompt.lastIndexOf(".") + 1);
}

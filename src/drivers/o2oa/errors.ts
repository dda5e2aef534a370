import type { FailureClass } from "../../model/errors.js";

/**
 * An invalid or expired token is not refused: O2OA runs the call as `anonymous`, which then
 * fails as "access denied". Those answers mean "log in again", not "no permission".
 */
const ANONYMOUS_DENIED = [/not cipher or manager or user/i, /not manager or user/i, /anonymous.*(权限不足|访问被拒绝|access denied|denied)/i];

/** Prompts (exception class names) by how orgform handles them; the first match wins. */
const PROMPT_CLASSES: [RegExp, FailureClass][] = [
  [/AccessDenied|ExceptionDeny|NotCipherManager/i, "permission"],
  [/PersonNotExistOrInvalidPassword|InvalidPassword|PasswordInvalid|ExceptionAdmin|LoginDisable|ClientNotExist|ReadToken|TokenExpired|EmptyCredential/i, "auth"],
  [/NotExist|NotFound/i, "notFound"],
  [/Duplicate|ExistIn|AlreadyExist/i, "conflict"],
];

/**
 * A platform error (HTTP 500, `type: error`). A `prompt` marks an error the platform raised on
 * purpose (a business rule), which repeating will not fix; without one it is an unexpected
 * server failure, which may pass.
 */
export function classifyPlatformError(message: string, prompt: string | undefined): FailureClass {
  if (ANONYMOUS_DENIED.some((re) => re.test(message))) return "tokenExpired";
  if (!prompt) return "server";
  for (const [re, cls] of PROMPT_CLASSES) if (re.test(prompt)) return cls;
  return "invalid";
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

/**
 * Every O2OA path orgform calls, with where it comes from (o2oa/o2oa, the platform's own source,
 * and the vendor's pages). O2OA publishes no rate limits.
 */

/**
 * Password login, `{credential, password}` → `data.token`.
 * o2server/x_organization_assemble_authentication/.../jaxrs/authentication/{AuthenticationAction,ActionLogin}.java
 */
export const LOGIN_PATH = "/x_organization_assemble_authentication/jaxrs/authentication";
/**
 * SSO login, `{client, token}` → `data.token`.
 * o2server/x_organization_assemble_authentication/.../jaxrs/sso/{SsoAction,ActionPostLogin}.java
 */
export const SSO_PATH = "/x_organization_assemble_authentication/jaxrs/sso";
/**
 * The organisation sync interface: an invoke script the customer installs under the flag
 * `unitAsync`; its answer arrives as `data.value`. Route: x_program_center/.../jaxrs/invoke/InvokeAction.java;
 * body: https://o2oa.gitbook.io/course/ping-tai-shi-shi/zu-zhi-guan-li/shu-ju-tong-bu-jie-kou
 */
export const SYNC_FLAG = "unitAsync";
export const SYNC_PATH = `/x_program_center/jaxrs/invoke/${SYNC_FLAG}/execute`;
/** The organisation REST module (x_organization_assemble_control). */
export const REST_BASE = "/x_organization_assemble_control/jaxrs";

/**
 * The keyset listings orgform reads, each `{family}/list/{flag}/next/{count}`:
 * jaxrs/unit, jaxrs/unitattribute, jaxrs/unitduty and jaxrs/identity (IdentityAction.java,
 * ActionListNext.java). The identity listing covers every identity, disabled ones included,
 * unlike `identity/list/unit/{flag}`, which leaves disabled identities out (ActionListWithUnit.java).
 */
export type Family = "unit" | "unitattribute" | "unitduty" | "identity";
export const FAMILIES: readonly Family[] = ["unit", "unitattribute", "unitduty", "identity"];

/** The flag that starts a keyset listing at the beginning (StandardJaxrsAction EMPTY_SYMBOL). */
export const FIRST_FLAG = "(0)";
/**
 * The count orgform asks per page. `standardListNext` caps it at 200 (`max(min(count,200),1)`,
 * StandardJaxrsAction.java) and sets the envelope's `count` to the total rows; fetch pages until
 * it has that many rows or a page comes back empty, so a lower cap costs calls, never rows.
 */
export const PAGE_SIZE = 200;

export function listPath(family: Family, flag: string, count: number): string {
  return `${REST_BASE}/${family}/list/${encodeURIComponent(flag)}/next/${count}`;
}

/** The default of `person.tokenName`: the header, cookie and query name of the session token (config/Person.java). */
export const DEFAULT_TOKEN_NAME = "x-token";

/**
 * ISDP's personCode suffix rule. `batchUpdatePerson` appends `@hw` to the code it is sent and
 * updates the person stored under `<code>@hw`; persons the open API creates are stored under
 * that suffixed code too, and `getPersonList` shows stored codes. Manifests use the code
 * without the suffix (as the vendor's own request example does), so orgform adds the suffix
 * where it names a stored person and strips it where it reads one.
 */
export const OPEN_API_SUFFIX = "@hw";

/** The code ISDP stores for a person the open API manages, from the manifest key. */
export function storedCode(key: string): string {
  return `${key}${OPEN_API_SUFFIX}`;
}

/** The manifest key of a stored code, and whether the open API can reach that person. */
export function keyOfStored(code: string): { key: string; viaOpenApi: boolean } {
  if (code.endsWith(OPEN_API_SUFFIX) && code.length > OPEN_API_SUFFIX.length) {
    return { key: code.slice(0, -OPEN_API_SUFFIX.length), viaOpenApi: true };
  }
  return { key: code, viaOpenApi: false };
}

import { createCipheriv } from "node:crypto";

/**
 * The token of O2OA's SSO login: `<url-encoded credential>#<epoch ms>`, DES-encrypted (ECB,
 * PKCS#5 padding) with the first 8 bytes of the client's shared key, then Base64 URL-safe
 * without padding. The server accepts it for about a minute around its time stamp.
 *
 * OpenSSL 3 keeps single DES in its legacy provider; triple DES with the same key twice
 * (EDE: encrypt, decrypt, encrypt) computes exactly single DES, so that is what runs here.
 */
export function ssoToken(credential: string, key: string, now: number): string {
  const keyBytes = Buffer.from(key, "utf8");
  if (keyBytes.length < 8) throw new RangeError("the SSO key must be at least 8 bytes long (O2OA uses its first 8 bytes as the DES key)");
  const des = keyBytes.subarray(0, 8);
  const cipher = createCipheriv("des-ede-ecb", Buffer.concat([des, des]), null);
  const plain = Buffer.from(`${encodeURIComponent(credential)}#${now}`, "utf8");
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64url");
}

import { createDecipheriv } from "node:crypto";

/**
 * Read an SSO token the way the platform does: URL-decode, Base64 (URL-safe accepted), then
 * DES/ECB/PKCS#5 with the first 8 bytes of the client's key. Single DES is computed as triple
 * DES with the key repeated, which OpenSSL 3 still offers without its legacy provider.
 * Returns undefined when the token does not decrypt.
 */
export function readSsoToken(token: string, key: string): string | undefined {
  const keyBytes = Buffer.from(key, "utf8");
  if (keyBytes.length < 8) return undefined;
  const des = keyBytes.subarray(0, 8);
  try {
    const cipherText = Buffer.from(decodeURIComponent(token).replace(/\+/g, "-").replace(/\//g, "_"), "base64url");
    const decipher = createDecipheriv("des-ede-ecb", Buffer.concat([des, des]), null);
    return Buffer.concat([decipher.update(cipherText), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

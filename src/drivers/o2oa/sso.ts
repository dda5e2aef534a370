import { createCipheriv, createHash } from "node:crypto";

/**
 * The cipher of an SSO token, as the server's `person.encryptType` names it (config/Person.java:
 * "加密方式,支持国密:SM4,AES", default empty). Crypto.java (o2oa/o2oa
 * o2server/x_base_core_project/.../tools/Crypto.java) picks SM4 or AES by a case-insensitive
 * name and DES for anything else.
 */
export type EncryptType = "DES" | "AES" | "SM4";

export function encryptTypeOf(value: string | undefined): EncryptType | undefined {
  const v = (value ?? "").trim().toUpperCase();
  if (v === "" || v === "DES") return "DES";
  if (v === "AES" || v === "SM4") return v;
  return undefined;
}

/**
 * The token of O2OA's SSO login: `<url-encoded credential>#<epoch ms>`, encrypted with the
 * client's shared key, then Base64 URL-safe without padding (Crypto.encrypt). The server
 * accepts it for about a minute around its time stamp (ActionPostLogin.java).
 */
export function ssoToken(credential: string, key: string, now: number, type: EncryptType = "DES"): string {
  const plain = Buffer.from(`${encodeURIComponent(credential)}#${now}`, "utf8");
  return sealSso(plain, key, type).toString("base64url");
}

/** The cipher bytes before the outer Base64 (exported for the byte-exact tests). */
export function sealSso(plain: Buffer, key: string, type: EncryptType): Buffer {
  switch (type) {
    case "DES":
      return des(plain, key);
    case "AES": {
      // AES/ECB/PKCS5Padding with the 16-byte MD5 digest of the key string.
      const cipher = createCipheriv("aes-128-ecb", createHash("md5").update(key, "utf8").digest(), null);
      return Buffer.concat([cipher.update(plain), cipher.final()]);
    }
    case "SM4":
      return sm4(plain, key);
  }
}

/**
 * DES/ECB/PKCS#5 with the first 8 bytes of the key (DESKeySpec). OpenSSL 3 keeps single DES in
 * its legacy provider; triple DES with the same key twice (EDE) computes exactly single DES.
 */
function des(plain: Buffer, key: string): Buffer {
  const keyBytes = Buffer.from(key, "utf8");
  if (keyBytes.length < 8) throw new RangeError("the SSO key must be at least 8 bytes long (O2OA uses its first 8 bytes as the DES key)");
  const k = keyBytes.subarray(0, 8);
  const cipher = createCipheriv("des-ede-ecb", Buffer.concat([k, k]), null);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

/**
 * SM4 as Crypto.java calls it: `cfca.sadk.util.EncryptUtil.encryptMessageBySM4(data, key)`.
 * That CFCA routine derives 32 bytes as SM3(utf8(key) || 00000001), takes the first 16 as the
 * IV and the last 16 as the key, encrypts SM4-CBC with PKCS#7 padding and returns the
 * ciphertext Base64-encoded (standard alphabet); Crypto.java then Base64-encodes those bytes
 * once more (URL-safe). Sources: the CFCA SADK classes SM4Helper/IvSM4Key as decompiled in
 * public code, and emmansun/gmsm cfca/encrypt.go (an independent re-implementation, which
 * uses the same SM3 KDF, IV and key split).
 */
export function sm4(plain: Buffer, key: string): Buffer {
  if (key === "") throw new RangeError("the SSO key must not be empty for SM4");
  const { iv, k } = sm4KeyOf(key);
  const cipher = createCipheriv("sm4-cbc", k, iv);
  const raw = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.from(raw.toString("base64"), "ascii");
}

/** The CFCA password derivation: SM3 over the key and a 4-byte counter of 1. */
export function sm4KeyOf(key: string): { iv: Buffer; k: Buffer } {
  const hash = createHash("sm3").update(Buffer.from(key, "utf8")).update(Buffer.from([0, 0, 0, 1])).digest();
  return { iv: hash.subarray(0, 16), k: hash.subarray(16, 32) };
}

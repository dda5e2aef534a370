import { createDecipheriv, createHash } from "node:crypto";

/**
 * Read an SSO token the way the platform does (Crypto.decrypt in o2oa/o2oa
 * x_base_core_project tools/Crypto.java): URL-decode, Base64 (either alphabet), then decrypt
 * with the cipher the server's `person.encryptType` names:
 * - DES (default): DES/ECB/PKCS#5 with the first 8 bytes of the key (computed as triple DES
 *   with the key repeated, which OpenSSL 3 offers without its legacy provider);
 * - AES: AES/ECB/PKCS#5 with the MD5 digest of the key;
 * - SM4: the CFCA routine decryptMessageBySM4: the bytes are Base64 text, decoded and then
 *   decrypted SM4-CBC with IV and key from SM3(key || 00000001).
 * Written apart from the driver's sealing code so each checks the other.
 * Returns undefined when the token does not decrypt.
 */
export function readSsoToken(token: string, key: string, type: "DES" | "AES" | "SM4" = "DES"): string | undefined {
  try {
    const bytes = Buffer.from(decodeURIComponent(token).replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return open(bytes, key, type).toString("utf8");
  } catch {
    return undefined;
  }
}

function open(bytes: Buffer, key: string, type: "DES" | "AES" | "SM4"): Buffer {
  if (type === "AES") return run(createDecipheriv("aes-128-ecb", createHash("md5").update(key).digest(), null), bytes);
  if (type === "SM4") {
    const derived = createHash("sm3").update(Buffer.concat([Buffer.from(key), Buffer.from("00000001", "hex")])).digest();
    const inner = Buffer.from(bytes.toString("latin1"), "base64");
    return run(createDecipheriv("sm4-cbc", derived.subarray(16), derived.subarray(0, 16)), inner);
  }
  const keyBytes = Buffer.from(key, "utf8");
  if (keyBytes.length < 8) throw new RangeError("DES needs 8 key bytes");
  const des = keyBytes.subarray(0, 8);
  return run(createDecipheriv("des-ede-ecb", Buffer.concat([des, des]), null), bytes);
}

function run(decipher: { update(b: Buffer): Buffer; final(): Buffer }, bytes: Buffer): Buffer {
  return Buffer.concat([decipher.update(bytes), decipher.final()]);
}

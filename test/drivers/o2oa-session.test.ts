import { describe, expect, it } from "vitest";
import { sealSso, sm4KeyOf, ssoToken, type EncryptType } from "../../src/drivers/o2oa/sso.js";
import { readSsoToken } from "../../src/emulator/o2oa/crypto.js";
import { applyDir, planDir, useEmulator } from "../helpers/orgform.js";
import { ENV, manifests, SSO_KEY, SSO_LOGIN, tenant } from "./o2oa-fixtures.js";

const emulator = useEmulator();
const HQ = { name: "总部", unique: "hq" };
const RD = { name: "研发部", unique: "rd", superior: "hq" };

describe("o2oa SSO ciphers, byte for byte", () => {
  // Each expected token was computed with the OpenSSL command line (an implementation apart from
  // Node's bindings), following Crypto.java: DES-ECB under the key's first 8 bytes; AES-128-ECB
  // under MD5(key); SM4-CBC with IV and key from SM3(key || 00000001), Base64 inside; then
  // Base64 URL-safe without padding.
  const VECTORS: [EncryptType, string][] = [
    ["DES", "yqayaDfg4lYcr-csK6ki7oqpKExOvP1L"],
    ["AES", "16XQdqlwqCDAk7tUrfmEEAc_BFyP7gxZyLQZ884X7DA"],
    ["SM4", "bFgvZHZlZFRmOU1pYUNUdUVuUUtMS2JTeC82L0NTK0tVL2JSMGZRT3JMcz0"],
  ];

  it.each(VECTORS)("seals orgsync#<time> with %s", (type, expected) => {
    expect(ssoToken("orgsync", "o2oa-sso-shared-key", 1_700_000_000_000, type)).toBe(expected);
  });

  it.each(VECTORS)("%s tokens open with the emulator's own decryption, and with no other cipher", (type, token) => {
    expect(readSsoToken(token, "o2oa-sso-shared-key", type)).toBe("orgsync#1700000000000");
    for (const other of (["DES", "AES", "SM4"] as const).filter((t) => t !== type)) {
      expect(readSsoToken(token, "o2oa-sso-shared-key", other)).not.toBe("orgsync#1700000000000");
    }
  });

  it("derives the SM4 IV and key as the CFCA routine does: SM3(key || 00000001), IV first", () => {
    // The digest was computed with the OpenSSL command line.
    const { iv, k } = sm4KeyOf("o2oa-sso-shared-key");
    expect(iv.toString("hex")).toBe("7e9b3b4bf814ea998a62430d5141354e");
    expect(k.toString("hex")).toBe("b0ea48c27d188a3a70a26f13f63722d4");
  });

  it("keeps the CFCA routine's inner Base64 text under the outer URL-safe Base64", () => {
    expect(sealSso(Buffer.from("张三#1", "utf8"), "k", "SM4").toString("latin1")).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

describe("o2oa SSO and token name over HTTP", () => {
  it.each(["DES", "AES", "SM4"] as const)("logs in through SSO when the server uses %s and the target says so", async (type) => {
    const emu = await emulator.start(tenant([HQ], { encryptType: type }));
    const credentials = [...SSO_LOGIN(), `  encryptType: ${type}`];

    const { results } = await applyDir(manifests(emu.url, [HQ, RD], credentials), ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    expect(emu.calls().find((c) => c.path.endsWith("/jaxrs/sso"))?.code).toBe("success");
  });

  it("is refused, as an auth failure, when the target's cipher is not the server's", async () => {
    const emu = await emulator.start(tenant([HQ], { encryptType: "SM4" }));

    const failure = await planDir(manifests(emu.url, [HQ], [...SSO_LOGIN(), "  encryptType: AES"]), ENV).catch((e: unknown) => e);

    expect(failure).toMatchObject({ failure: "auth", code: "ExceptionReadToken" });
    expect(JSON.stringify(emu.calls())).not.toContain(SSO_KEY);
  });

  it("sends the token under the server's token name and adopts the refreshed one from that header", async () => {
    const emu = await emulator.start(tenant([HQ], { tokenName: "o2-auth" }));
    const dir = manifests(emu.url, [HQ, RD], ["credentials:", "  credential: orgsync", "  password: ${O2OA_PASSWORD}", "  tokenName: o2-auth"]);

    const { results } = await applyDir(dir, ENV);

    expect(results.map((r) => r.status)).toEqual(["done"]);
    const reads = emu.calls().filter((c) => c.method === "GET");
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((c) => c.code === "success")).toBe(true);
    expect(emu.calls().filter((c) => c.path.endsWith("/authentication"))).toHaveLength(1);
  });

  it("fails as a lapsed session, after one fresh login, when the token travels under another name than the server's", async () => {
    const emu = await emulator.start(tenant([HQ], { tokenName: "o2-auth" }));

    const failure = await planDir(manifests(emu.url, [HQ]), ENV).catch((e: unknown) => e);

    expect(failure).toMatchObject({ code: "ExceptionUnauthorized" });
    expect(emu.calls().filter((c) => c.path.endsWith("/authentication")).length).toBeGreaterThanOrEqual(2);
  });
});

import { describe, expect, it } from "vitest";
import { IsdpClient, TOKEN_PATH } from "../../src/drivers/isdp/client.js";
import { PERSON_FIELD_SPECS } from "../../src/drivers/isdp/kinds/person-fields.js";
import { keyOfStored, storedForms } from "../../src/drivers/isdp/wire.js";
import type { VendorRequest } from "../../src/model/request.js";
import { sameFieldValue } from "../../src/planner/diff.js";

const LIST: VendorRequest = { method: "POST", path: "/openapi/v1/person/getPersonList", body: {}, bucket: "x" };
const TOKEN: VendorRequest = { method: "POST", path: TOKEN_PATH, body: {}, bucket: TOKEN_PATH };

function client() {
  return new IsdpClient("https://isdp.example", { clientId: "isdp-x-openapi", username: "app-1", password: "tok-secret" });
}

describe("IsdpClient", () => {
  it("asks for a password-grant token with client_secret equal to client_id", () => {
    expect(client().tokenRequest(0)?.body).toEqual({
      client_id: "isdp-x-openapi",
      client_secret: "isdp-x-openapi",
      grant_type: "password",
      username: "app-1",
      password: "tok-secret",
    });
  });

  it("honours expires_in and asks again a little before the token expires", () => {
    const c = client();
    c.acceptToken({ access_token: "t1", token_type: "bearer", expires_in: 359 }, 0);

    expect(c.tokenRequest(300_000)).toBeUndefined();
    expect(c.tokenRequest(330_000)).toBeDefined(); // 359 s minus a tenth
    expect(c.prepare(LIST, 1).headers).toMatchObject({ authorization: "bearer t1", "content-type": "application/json" });
  });

  it("asks for a new token once told the old one expired", () => {
    const c = client();
    c.acceptToken({ access_token: "t1", expires_in: 1799 }, 0);

    c.invalidateToken();

    expect(c.tokenRequest(1)).toBeDefined();
  });

  it.each([
    ["401 invalid_token", LIST, 401, '{"error":"invalid_token","error_description":"check_token error"}', "tokenExpired", "invalid_token"],
    ["401 invalid_token as XML", LIST, 401, "<InvalidTokenException><error>invalid_token</error></InvalidTokenException>", "tokenExpired", "invalid_token"],
    ["401 unauthorized", LIST, 401, '{"error":"unauthorized","error_description":"Full authentication is required"}', "auth", "unauthorized"],
    ["a refused token request", TOKEN, 400, '{"error":"invalid_grant","error_description":"Bad credentials"}', "auth", "invalid_grant"],
    ["403", LIST, 403, '{"status":403,"error":"Forbidden"}', "permission", "HTTP 403"],
    ["429", LIST, 429, '{"error_code":"APIGW.0308","error_msg":"throttled"}', "rateLimited", "HTTP 429"],
    ["500", LIST, 500, '{"status":500,"error":"Internal Server Error"}', "server", "HTTP 500"],
    ["status failed", LIST, 200, '{"status":"failed","msg":"personType is invalid","data":null,"success":false,"failed":true}', "invalid", "failed"],
    ["status failed, busy", LIST, 200, '{"status":"failed","msg":"system busy, try again later"}', "busy", "failed"],
    ["a body that is not JSON", LIST, 200, "<html>gateway</html>", "unknown", "HTTP 200"],
    ["JSON with neither status nor page", LIST, 200, '{"hello":1}', "unknown", "HTTP 200"],
  ])("classifies %s", (_what, request, status, body, failure, code) => {
    const outcome = client().interpret(request, { status, headers: {}, body });

    expect(outcome).toMatchObject({ ok: false, failure, code });
  });

  it("reads the envelope by success flag as well as by status, and paged answers without one", () => {
    const c = client();

    expect(c.interpret(LIST, { status: 200, headers: {}, body: '{"status":"200 OK","success":true,"failed":false}' }).ok).toBe(true);
    expect(c.interpret(LIST, { status: 200, headers: {}, body: '{"data":[],"pos":0,"totalCount":0}' }).ok).toBe(true);
  });

  it("lists the application token and the current token as secrets", () => {
    const c = client();
    c.acceptToken({ access_token: "tok-live-123", expires_in: 60 }, 0);

    expect(c.secrets()).toEqual(["tok-secret", "tok-live-123"]);
  });
});

describe("the @hw code rule", () => {
  it.each([
    ["h007996952@hw", "h007996952", true],
    ["12345@@@hw", "12345@@", true],
    ["console-admin", "console-admin", false],
    ["100XXX@isdp", "100XXX@isdp", false],
  ])("reads stored code %s as key %s", (stored, key, suffixed) => {
    expect(keyOfStored(stored)).toEqual({ key, suffixed });
  });

  it("names both stored forms of a key, for reads by code", () => {
    expect(storedForms("12345@@")).toEqual(["12345@@", "12345@@@hw"]);
  });
});

describe("person field specs", () => {
  it("mark personal data sensitive and the fields getPersonList does not return write-only", () => {
    const flagged = (flag: "sensitive" | "writeOnly") => Object.keys(PERSON_FIELD_SPECS).filter((f) => PERSON_FIELD_SPECS[f]?.[flag]).sort();

    expect(flagged("sensitive")).toEqual(["certificateNo", "email", "phone"]);
    expect(flagged("writeOnly")).toEqual(expect.arrayContaining(["firstName", "email", "description", "customerCode", "supplierCode", "openAccount", "status", "headFileId", "faceFileId", "language", "udfExtend5", "udfExtend6"]));
    expect(flagged("writeOnly").filter((f) => ["personName", "personType", "orgNo", "roleNo", "positionCode", "phone", "udfExtend1"].includes(f))).toEqual([]);
  });
});

describe("comparing person fields the way ISDP reads them back", () => {
  const masked = { type: "scalar", maskedBy: "*" } as const;
  const unordered = { type: "scalar", unordered: true } as const;

  it.each([
    ["a masked phone with the same visible digits", masked, "13572003278", "135******78", true],
    ["a masked phone with other visible digits", masked, "13672003278", "135******78", false],
    ["a masked phone of another length", masked, "1357200327", "135******78", false],
    ["an unmasked phone", masked, "13572003278", "13572003278", true],
    ["lists in another order", unordered, ["b", "a"], ["a", "b"], true],
    ["lists with another member", unordered, ["a", "c"], ["a", "b"], false],
  ])("%s", (_what, spec, want, have, same) => {
    expect(sameFieldValue(spec, want, have)).toBe(same);
  });
});

import { randomBytes } from "node:crypto";
import type { EmuRequest, EmuResponse } from "../vendor.js";
import { readSsoToken } from "./crypto.js";
import { failure, PROMPT, success } from "./answers.js";
import type { O2oaSection } from "./state.js";

/** The platform's default token lifetime: `tokenExpiredMinutes` 21600 (15 days). */
const DEFAULT_TTL_SECONDS = 21600 * 60;
/** How far an SSO token's time stamp may be from the server's clock. */
const SSO_WINDOW_MS = 60_000;
/** The initial manager: it may log in with a password, never through SSO. */
const INITIAL_MANAGER = "xadmin";
/** Tokens the emulator remembers at most. */
const MAX_TOKENS = 10_000;

interface Session {
  person: string;
  expiresAt: number;
}

/**
 * Sessions of the emulated platform. A token that is unknown or expired is not refused: the
 * caller simply becomes `anonymous`, as on the real server.
 */
export class Sessions {
  private readonly tokens = new Map<string, Session>();

  constructor(private readonly section: () => O2oaSection) {}

  /**
   * The person behind a request's token, or anonymous. HttpToken.java looks for the token under
   * the server's token name (query, then cookie, then header), then falls back to an
   * `authorization` header without spaces or colons; a token under any other name is not seen.
   */
  who(req: EmuRequest, now: number): string | undefined {
    const name = this.tokenName();
    const cookie = (req.headers["cookie"] ?? "")
      .split(";")
      .map((c) => c.trim().split("="))
      .find(([k]) => k?.toLowerCase() === name)?.[1];
    const authorization = req.headers["authorization"];
    const fallback = authorization && !/[\s:]/.test(authorization) ? authorization : undefined;
    const token = req.query[name] ?? cookie ?? req.headers[name] ?? fallback;
    const session = token ? this.tokens.get(token) : undefined;
    return session && session.expiresAt > now ? session.person : undefined;
  }

  /** The server's `person.tokenName`, in the lower case header names arrive in. */
  tokenName(): string {
    return (this.section().tokenName ?? "x-token").toLowerCase();
  }

  /** The headers an answer carries a session token in (header and cookie, under the token name). */
  tokenHeaders(token: string): Record<string, string> {
    const name = this.section().tokenName ?? "x-token";
    return { [name.toLowerCase()]: token, "set-cookie": `${name}=${token}; Path=/; HttpOnly` };
  }

  /** A fresh token for a person; earlier ones stay valid until they expire. */
  issue(person: string, now: number): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, { person, expiresAt: now + (this.section().tokenTtlSeconds ?? DEFAULT_TTL_SECONDS) * 1000 });
    // A long-running emulator would collect tokens forever: the oldest beyond the cap lapse.
    for (const old of this.tokens.keys()) {
      if (this.tokens.size <= MAX_TOKENS) break;
      this.tokens.delete(old);
    }
    return token;
  }

  expireAll(): void {
    for (const s of this.tokens.values()) s.expiresAt = 0;
  }

  clear(): void {
    this.tokens.clear();
  }

  /** `POST .../jaxrs/authentication {credential, password}`. */
  passwordLogin(params: Record<string, unknown>, now: number): EmuResponse {
    const account = this.section().accounts.find((a) => a.credential === params["credential"] && a.password === params["password"]);
    if (!account) return failure("用户不存在或者密码错误.", PROMPT.loginFailed, now);
    return this.loggedIn(account.credential, now);
  }

  /** `POST .../jaxrs/sso {client, token}` with token = encrypt(urlencode(credential) + "#" + epoch ms, key) under the server's encryptType. */
  ssoLogin(params: Record<string, unknown>, now: number): EmuResponse {
    const client = typeof params["client"] === "string" ? params["client"] : "";
    const token = typeof params["token"] === "string" ? params["token"] : "";
    if (!client) return failure("sso client is empty.", PROMPT.ssoClientEmpty, now);
    if (!token) return failure("token is empty.", PROMPT.ssoTokenEmpty, now);
    const sso = (this.section().ssoClients ?? []).find((c) => c.client === client);
    if (!sso) return failure(`sso client:${client} not exist.`, PROMPT.ssoClientNotExist, now);
    const plain = readSsoToken(token, sso.key, this.section().encryptType ?? "DES");
    if (plain === undefined || !plain.includes("#")) return failure(`cannot read sso token, client:${client}.`, PROMPT.ssoReadToken, now);
    let credential: string;
    try {
      credential = decodeURIComponent(plain.slice(0, plain.indexOf("#")).replace(/\+/g, " "));
    } catch {
      return failure(`cannot read sso token, client:${client}.`, PROMPT.ssoReadToken, now);
    }
    const time = Number(plain.slice(plain.indexOf("#") + 1));
    if (!Number.isFinite(time) || Math.abs(now - time) >= SSO_WINDOW_MS) return failure("sso token expired.", PROMPT.ssoTokenExpired, now);
    if (credential === INITIAL_MANAGER) return failure("the initial manager cannot log in through sso.", PROMPT.ssoAdmin, now);
    if (!this.section().accounts.some((a) => a.credential === credential)) return failure(`person:${credential} not exist.`, PROMPT.personNotExist, now);
    return this.loggedIn(credential, now);
  }

  private loggedIn(credential: string, now: number): EmuResponse {
    const person = `${credential}@${credential}@P`;
    const token = this.issue(person, now);
    const answer = success({ name: credential, distinguishedName: person, token, roleList: ["OrganizationManager@OrganizationManager@R"] }, now);
    return { ...answer, headers: this.tokenHeaders(token) };
  }
}

import { answerSchema, readAnswer } from "../kit/wire.js";
import { API } from "./api.js";
import { memberToCanonical } from "./kinds/punch-group.js";

/** Every oapi answer: HTTP 200 with `errcode` (0 is success); errcode 88 adds `sub_code`/`sub_msg`. */
export interface Envelope {
  errcode: number;
  errmsg?: string;
  /** A string in captured answers (`"40014"`); read as text either way. */
  sub_code?: string | number;
  sub_msg?: string;
}

export interface TokenAnswer {
  access_token: string;
  expires_in?: number;
}

export interface WireMember {
  member_id: string;
  /** 0 employee, 1 department (the list answer's field comment in the official SDK). */
  type?: number | string;
}

export interface MemberPage {
  result: { has_more?: boolean; next_cursor?: number | string; list: WireMember[] };
}

const envelope = answerSchema<Envelope>("DingTalk answer", {
  type: "object",
  required: ["errcode"],
  properties: { errcode: { type: "integer" }, errmsg: { type: "string" }, sub_code: { type: ["string", "integer"] }, sub_msg: { type: "string" } },
});

const token = answerSchema<TokenAnswer>("gettoken answer", {
  type: "object",
  required: ["access_token"],
  properties: { access_token: { type: "string", minLength: 1 }, expires_in: { type: "number" } },
});

export const memberPageSchema = answerSchema<MemberPage>("punch group member list page", {
  type: "object",
  required: ["result"],
  properties: {
    result: {
      type: "object",
      required: ["list"],
      properties: {
        has_more: { type: "boolean" },
        next_cursor: { type: ["integer", "string"] },
        list: {
          type: "array",
          items: { type: "object", required: ["member_id"], properties: { member_id: { type: "string" }, type: { type: ["integer", "string"] } } },
        },
      },
    },
  },
});

/** The envelope, or undefined when the body has no numeric errcode. */
export function readEnvelope(body: unknown): Envelope | undefined {
  return envelope.validate(body) ? body : undefined;
}

export function isTokenAnswer(body: unknown): boolean {
  return token.validate(body);
}

export function readToken(data: unknown): TokenAnswer {
  return readAnswer("dingtalk", token, data, { method: "GET", path: API.token });
}

export function readMemberPage(data: unknown): MemberPage {
  return readAnswer("dingtalk", memberPageSchema, data, { method: "POST", path: API.memberList });
}

/** A page's members in canonical form: the userid, or `dept:<id>` for a department. */
export function pageMembers(page: MemberPage): string[] {
  return page.result.list.map((m) => memberToCanonical({ member_id: m.member_id, type: Number(m.type ?? 0) }));
}

/** The per-IP block answer: no errcode, `"punish":"deny"` and a `wait` (JSON, or JSON inside an HTML page). */
export interface IpBlock {
  wait?: string;
}

export function readIpBlock(raw: string): IpBlock | undefined {
  if (!/"punish"\s*:/.test(raw)) return undefined;
  const wait = /"wait"\s*:\s*"?(\d+)/.exec(raw)?.[1];
  return wait === undefined ? {} : { wait };
}

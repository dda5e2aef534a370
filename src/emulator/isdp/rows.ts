import type { IsdpSection } from "./state.js";

/**
 * The person fields the person writes accept, with the checks ISDP applies (field tables of
 * https://support.huaweicloud.com/api-isdp/api_01_0402.html and api_01_0398): enums, numbers
 * that Jackson can bind (a JSON number or a numeric string), comma-separated numeric qualification ids, enabled extension fields and, when the
 * state names them, known organisations, roles, positions and qualifications.
 */
type Rule = "text" | "integer" | "long" | { oneOf: readonly (string | number)[] };

const ENUMS = {
  personType: ["Admin", "Customer", "Employee", "Supplier", "Other"],
  isSmartDevice: ["Y", "N"],
  certificateType: ["ID_CARD", "PASSPORTS"],
  flag: [0, 1],
} as const;

export const ROW_RULES: Record<string, Rule> = {
  personGroupId: "long",
  firstName: "text",
  lastName: "text",
  personName: "text",
  qualificationCode: "text",
  personType: { oneOf: ENUMS.personType },
  description: "text",
  email: "text",
  phone: "text",
  customerCode: "text",
  supplierCode: "text",
  openAccount: { oneOf: ENUMS.flag },
  headFileId: "long",
  faceFileId: "long",
  status: "integer",
  integrationAccount: "text",
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i): [string, Rule] => [`udfExtend${i + 1}`, "text"])),
  isSmartDevice: { oneOf: ENUMS.isSmartDevice },
  registerFace: { oneOf: ENUMS.flag },
  blackList: { oneOf: ENUMS.flag },
  reason: "text",
  electronicSignatureId: "long",
  language: "text",
  certificateType: { oneOf: ENUMS.certificateType },
  certificateNo: "text",
  roleNo: "text",
  orgNo: "text",
  positionCode: "text",
};

export type RowCheck = { ok: true; code: string; fields: Record<string, unknown> } | { ok: false; message: string };

/** Check one `personList` row and bind its values; unknown keys are ignored, as a map binder does. */
export function checkRow(raw: unknown, state: IsdpSection): RowCheck {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, message: "a personList entry must be an object" };
  const row = raw as Record<string, unknown>;
  const code = row["personCode"];
  if (typeof code !== "string" || code.trim() === "") return { ok: false, message: "personCode is required" };
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const rule = ROW_RULES[name];
    if (!rule || value === undefined) continue;
    if (value === null) {
      fields[name] = null; // clears the field
      continue;
    }
    const bound = bind(rule, value);
    if (bound === undefined) return { ok: false, message: `${name} has an invalid value ${JSON.stringify(value)}` };
    const problem = semanticProblem(name, bound, state);
    if (problem) return { ok: false, message: problem };
    fields[name] = bound;
  }
  return { ok: true, code, fields };
}

function bind(rule: Rule, value: unknown): unknown {
  if (rule === "text") return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  const asNumber = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (rule === "integer") return Number.isSafeInteger(asNumber) ? asNumber : undefined;
  if (rule === "long") return /^\d+$/.test(String(value).trim()) ? String(value).trim() : undefined;
  const choices = rule.oneOf as readonly (string | number)[];
  if (typeof choices[0] === "number") return choices.includes(asNumber) ? asNumber : undefined;
  return typeof value === "string" && choices.includes(value) ? value : undefined;
}

function semanticProblem(name: string, value: unknown, state: IsdpSection): string | undefined {
  const udf = /^udfExtend(\d+)$/.exec(name);
  if (udf && state.udfExtendEnabled && !state.udfExtendEnabled.includes(Number(udf[1]))) {
    return `${name} is not enabled for this tenant`;
  }
  if (name === "qualificationCode" && !/^\d+(,\d+)*$/.test(String(value))) {
    return "qualificationCode must be numeric qualification ids separated by commas";
  }
  if (name === "email" && !/^[^@\s]+@[^@\s]+$/.test(String(value))) return `email ${JSON.stringify(value)} is not an email address`;
  const catalog = state.catalog?.[name as keyof NonNullable<IsdpSection["catalog"]>];
  if (catalog) {
    const unknown = String(value)
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== "" && !catalog.includes(v));
    if (unknown.length) return `${name} ${unknown.join(",")} does not exist`;
  }
  return undefined;
}

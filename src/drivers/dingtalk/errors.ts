import type { FailureClass } from "../../model/errors.js";

/** DingTalk errcodes by how orgform handles them (vendor notes 1.2). */
const CLASSES: Record<number, FailureClass> = {
  [-1]: "busy",
  22: "invalid",
  88: "permission",
  33001: "tokenExpired",
  40001: "tokenExpired",
  40014: "tokenExpired",
  42001: "tokenExpired",
  40089: "auth",
  43007: "permission",
  60011: "permission",
  60020: "permission",
  60003: "notFound",
  60121: "notFound",
  90002: "rateLimited",
  90005: "rateLimited",
  90006: "rateLimited",
  90018: "rateLimited",
  90019: "rateLimited",
  400002: "invalid",
};

export function classifyErrcode(errcode: number): FailureClass {
  return CLASSES[errcode] ?? "invalid";
}

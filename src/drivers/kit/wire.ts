import { Ajv, type ValidateFunction } from "ajv";
import { DriverError } from "../../model/errors.js";

/**
 * Vendor answers checked where they arrive. A driver declares one schema per answer it reads
 * (compiled once, here) and reads answers only through `readAnswer`, so a malformed answer is
 * one error naming the vendor, the call and what was wrong, never a cast that fails later.
 */
const ajv = new Ajv({ allErrors: false, strict: false, allowUnionTypes: true });

export interface AnswerSchema<T> {
  /** What the answer is, for messages ("role list page"). */
  readonly what: string;
  readonly validate: ValidateFunction<T>;
}

/**
 * An answer schema, compiled once, on first use: a command that never reads an answer of this
 * kind (validate, show, a CLI start) does not pay for it. Extra fields pass: vendors add fields
 * without notice.
 */
export function answerSchema<T>(what: string, schema: object): AnswerSchema<T> {
  let compiled: ValidateFunction<T> | undefined;
  return {
    what,
    get validate() {
      return (compiled ??= ajv.compile<T>(schema));
    },
  };
}

/** The problem with an answer, or undefined when it fits the schema. */
export function answerProblem<T>(schema: AnswerSchema<T>, data: unknown): string | undefined {
  if (schema.validate(data)) return undefined;
  const e = schema.validate.errors?.[0];
  return `${schema.what}: ${e?.instancePath || "the answer"} ${e?.message ?? "is invalid"}`;
}

/** The answer, typed, or a DriverError (class `unknown`) naming vendor, call and problem. */
export function readAnswer<T>(vendor: string, schema: AnswerSchema<T>, data: unknown, call: { method?: string; path: string }): T {
  const problem = answerProblem(schema, data);
  if (problem !== undefined) throw new DriverError(vendor, "unknown", "malformed answer", `unexpected answer from the vendor: ${problem}`, call);
  return data as T;
}

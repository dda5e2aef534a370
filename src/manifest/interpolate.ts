/** `${NAME}` as the whole value. */
const WHOLE_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
/** Any `${...}` inside a value. */
const ANY_REFERENCE = /\$\{([^}]*)\}/g;

export type Interpolated =
  | { ok: true; value: string; variables: string[] }
  /** `unset` lists the variables that are not set when that is the only problem. */
  | { ok: false; message: string; unset?: string[] };

/** The variable a value refers to when the value is exactly `${NAME}`. */
export function referencedVariable(value: string): string | undefined {
  return WHOLE_REFERENCE.exec(value)?.[1];
}

/**
 * Replace `${NAME}` references with environment values. An unset variable is named in the
 * message; its value (or any other value) never is.
 */
export function interpolate(value: string, env: Readonly<Record<string, string | undefined>>): Interpolated {
  const variables: string[] = [];
  const unset: string[] = [];
  let problem: string | undefined;
  let invalid = false;
  const out = value.replace(ANY_REFERENCE, (_whole, name: string) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problem ??= `"\${${name}}" is not a valid variable reference`;
      invalid = true;
      return "";
    }
    variables.push(name);
    const v = env[name];
    if (v === undefined || v === "") {
      problem ??= `environment variable ${name} is not set`;
      unset.push(name);
      return "";
    }
    return v;
  });
  if (problem === undefined) return { ok: true, value: out, variables };
  return invalid ? { ok: false, message: problem } : { ok: false, message: problem, unset };
}

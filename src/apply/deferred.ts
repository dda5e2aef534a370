import { isDeferred, type VendorRequest } from "../model/request.js";

/** Outputs captured from earlier responses, by action id then output name. */
export type Outputs = Map<string, Record<string, unknown>>;

export const KNOWN_AFTER_APPLY = "(known after apply)";

/** Replace Deferred values with captured outputs (or, for a dry run, a placeholder). */
export function resolveRequest(request: VendorRequest, lookup: (action: string, output: string) => unknown): VendorRequest {
  const resolved: VendorRequest = { ...request };
  if (request.body !== undefined) resolved.body = resolveValue(request.body, lookup);
  if (request.query) resolved.query = resolveValue(request.query, lookup) as VendorRequest["query"];
  return resolved;
}

export function fromOutputs(outputs: Outputs): (action: string, output: string) => unknown {
  return (action, output) => {
    const value = outputs.get(action)?.[output];
    if (value === undefined) throw new Error(`no "${output}" from ${action}: it did not run or its answer lacked it`);
    return value;
  };
}

export const placeholder = (): unknown => KNOWN_AFTER_APPLY;

function resolveValue(value: unknown, lookup: (action: string, output: string) => unknown): unknown {
  if (isDeferred(value)) return lookup(value.$deferred.action, value.$deferred.output);
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, lookup));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, lookup)]));
  }
  return value;
}

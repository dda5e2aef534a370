import type { Catalog, FieldDefinition } from "./catalog.js";

/**
 * Why a custom field value would be refused, by the field's type (seed page notes): text no
 * longer than the field allows, a number, a `yyyy-MM-dd` date, one of the options, or an area
 * code of the right precision. Undefined when the value is acceptable.
 */
export function fieldValueProblem(def: FieldDefinition, value: string, regions: Catalog["regions"]): string | undefined {
  switch (def.kind) {
    case "text": {
      const length = [...value].length;
      return def.maxLength !== undefined && length > def.maxLength ? `is ${length} characters long; the field allows at most ${def.maxLength}` : undefined;
    }
    case "number":
      return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? undefined : `"${value}" is not a number`;
    case "date":
      return isDate(value) ? undefined : `"${value}" is not a date written yyyy-MM-dd`;
    case "option": {
      const options = def.options ?? [];
      return options.includes(value) ? undefined : `"${value}" is not one of the field's options (${options.join(", ")})`;
    }
    case "city":
      return regionProblem(value, regions?.city, "a city (area type 3)");
    case "district":
      return regionProblem(value, regions?.district, "a district (area type 4)");
    case "other":
      return undefined;
  }
}

function regionProblem(value: string, codes: Set<string> | undefined, what: string): string | undefined {
  if (!/^\d+$/.test(value)) return `"${value}" is not an area code; the field takes the code of ${what} from the city list`;
  if (codes && !codes.has(value)) return `${value} is not the code of ${what} in the city list`;
  return undefined;
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

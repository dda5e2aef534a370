import type { XrxsArea, XrxsSection } from "./state.js";

/**
 * Why the vendor refuses a custom field value (the rules of department/update_v5.html), or undefined: the key must
 * be a field's display name; text within the field's length; numbers; yyyy-MM-dd dates; one of
 * the options; area codes of type 4 (district) or 3 (city).
 */
export function customFieldError(state: XrxsSection, name: string, value: unknown): string | undefined {
  const field = state.customFields.find((f) => f.name === name);
  if (!field) return `自定义字段不存在: ${name}`;
  if (typeof value !== "string") return `自定义字段${name}的值必须是字符串`;
  if (value === "") return undefined;
  switch (field.type) {
    case "text":
      return field.maxLength !== undefined && [...value].length > field.maxLength ? `自定义字段${name}的长度不能超过${field.maxLength}` : undefined;
    case "number":
      return Number.isFinite(Number(value)) && /\d/.test(value) ? undefined : `自定义字段${name}必须是数字`;
    case "date":
      return validDate(value) ? undefined : `自定义字段${name}的日期格式必须是yyyy-MM-dd`;
    case "option":
      return (field.options ?? []).includes(value) ? undefined : `自定义字段${name}的值不在选项中`;
    case "city":
      return areaOfType(state.areas, value, 3) ? undefined : `自定义字段${name}的值不是城市编码`;
    case "district":
      return areaOfType(state.areas, value, 4) ? undefined : `自定义字段${name}的值不是区县编码`;
  }
}

function areaOfType(areas: XrxsArea[], value: string, type: number): boolean {
  return areas.some((a) => String(a.id) === value && a.type === type);
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** How import --people compares emails and mobiles and makes handles. */

/** Emails compare without surrounding space and case. */
export function emailKey(email: string | undefined): string | undefined {
  return usableEmail(email)?.toLowerCase();
}

/** Mobiles compare by digits, without a +86 / 0086 country prefix. */
export function mobileKey(mobile: string | undefined): string | undefined {
  if (mobile === undefined || !/^[+\d\s()-]+$/.test(mobile)) return undefined;
  const digits = mobile.replace(/\D/g, "").replace(/^(0086|86)(?=1\d{10}$)/, "");
  return digits.length >= 5 ? digits : undefined;
}

/** An email as the Person schema takes it (one `@`, no spaces, up to 254 characters), or undefined. */
export function usableEmail(email: string | undefined): string | undefined {
  const e = email?.trim();
  return e !== undefined && /^[^@\s]+@[^@\s]+$/.test(e) && e.length <= 254 ? e : undefined;
}

/** The parts of an id written as `a@b@c` (an O2OA identity is `name@unique@I`), lower case. */
export function partsOf(id: string): string[] {
  const parts = id.split("@").map((p) => p.trim().toLowerCase());
  return parts.length > 1 ? parts.filter((p) => p.length > 1) : [];
}

/** A string made into a handle (letters, digits, `_.@-`, starting with a letter or digit), or undefined. */
export function handleOf(value: string | undefined): string | undefined {
  const h = (value ?? "").replace(/[^A-Za-z0-9_.@-]/g, "").replace(/^[^A-Za-z0-9]+/, "").slice(0, 120);
  return h === "" ? undefined : h;
}

import { type Random } from "../random.js";

/** How many of `n` objects a fraction touches: at least one, so every path runs at every size. */
export function share(n: number, fraction: number): number {
  return fraction <= 0 || n === 0 ? 0 : Math.min(n, Math.max(1, Math.round(n * fraction)));
}

/** Members handed out in turn, so that every user is in about one role and one punch group. */
export class MemberPool {
  private next = 0;

  constructor(private readonly users: string[]) {}

  take(count: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < count && i < this.users.length; i++) {
      out.push(this.users[this.next % this.users.length] as string);
      this.next++;
    }
    return out;
  }

  /** Users not in `exclude`, drawn at random. */
  others(rnd: Random, count: number, exclude: Set<string>): string[] {
    const out = new Set<string>();
    while (out.size < count && out.size + exclude.size < this.users.length) {
      const u = rnd.pick(this.users);
      if (!exclude.has(u)) out.add(u);
    }
    return [...out];
  }
}

export function header(kind: string, target: string): string[] {
  return ["apiVersion: orgform/v1", `kind: ${kind}`, `target: ${target}`, "items:"];
}

export function q(text: string): string {
  return JSON.stringify(text);
}

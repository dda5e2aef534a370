/**
 * A vendor token and when to renew it, for the clients of vendors that issue tokens.
 *
 * Expiring keeps the old value: a call already past its token check then reaches the vendor
 * with the old token, gets the vendor's "expired" answer and refreshes, where a call with no
 * token at all would read as a plain authentication failure.
 */
export class TokenCache {
  value: string | undefined;
  private renewAt = 0;

  /**
   * @param earlySeconds renew this long before the vendor's expiry (at most a tenth of a short lifetime)
   * @param fallbackTtl lifetime in seconds when the vendor's answer names none (Infinity: until refused)
   */
  constructor(
    private readonly earlySeconds: number,
    private readonly fallbackTtl: number,
  ) {}

  /** True while the token may be used without asking for a new one. */
  fresh(now: number): boolean {
    return this.value !== undefined && now < this.renewAt;
  }

  accept(token: string, expiresIn: unknown, now: number): void {
    this.value = token;
    const ttl = Number(expiresIn);
    const seconds = Number.isFinite(ttl) && ttl > 0 ? ttl : this.fallbackTtl;
    this.renewAt = seconds === Infinity ? Infinity : now + (seconds - Math.min(this.earlySeconds, seconds / 10)) * 1000;
  }

  expire(): void {
    this.renewAt = 0;
  }
}

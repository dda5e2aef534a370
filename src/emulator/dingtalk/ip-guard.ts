/**
 * The per-IP dimension of DingTalk's limits: every caller of the emulator is one IP. More than
 * `limit` calls in 20 s block it for 5 minutes (tianjinsc.cn/default/894239.html quoting
 * DingTalk: 10 000 calls per 20 s per IP). Off unless the state sets a limit.
 */
const WINDOW_MS = 20_000;
const BLOCK_MS = 5 * 60_000;

export class IpGuard {
  private calls: number[] = [];
  private blockedUntil = 0;

  admit(limit: number | undefined, now: number): boolean {
    if (!limit) return true;
    if (now < this.blockedUntil) return false;
    this.calls = this.calls.filter((t) => t > now - WINDOW_MS);
    if (this.calls.length >= limit) {
      this.blockedUntil = now + BLOCK_MS;
      return false;
    }
    this.calls.push(now);
    return true;
  }

  reset(): void {
    this.calls = [];
    this.blockedUntil = 0;
  }
}

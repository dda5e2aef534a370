import type { ActionStatus } from "../model/result.js";
import type { Io } from "./io.js";

/**
 * Progress on stderr: a line redrawn in place on a terminal, a plain line every few seconds
 * (and at the end) in CI logs.
 */
export class Progress {
  private count = 0;
  private readonly by: Record<ActionStatus, number> = { done: 0, failed: 0, skipped: 0, unknown: 0 };
  private lastPrint = 0;
  /** The last line written to a log, so the closing line is not a repeat of it. */
  private lastLine = "";
  private drawn = false;
  private readonly started = Date.now();

  constructor(
    private readonly io: Io,
    private readonly label: string,
    private readonly total?: number,
    private readonly intervalMs = 5000,
  ) {}

  /** One more item finished; an action's status is counted by kind (skipped is not failed). */
  tick(status: ActionStatus = "done"): void {
    this.count++;
    this.by[status]++;
    const now = Date.now();
    if (this.io.stderrIsTty) {
      if (now - this.lastPrint < 100) return;
      this.lastPrint = now;
      this.io.err(`\r${this.line()}\x1b[K`);
      this.drawn = true;
    } else if (this.lastPrint === 0) {
      this.lastPrint = now;
    } else if (now - this.lastPrint >= this.intervalMs) {
      this.lastPrint = now;
      this.lastLine = this.line();
      this.io.err(`${this.lastLine}\n`);
    }
  }

  finish(): void {
    if (this.io.stderrIsTty && this.drawn) this.io.err(`\r${this.line()}\x1b[K\n`);
    // In logs, a run too short to have shown progress gets no closing line either.
    else if (!this.io.stderrIsTty && this.count > 0 && Date.now() - this.started >= 1000 && this.line() !== this.lastLine) this.io.err(`${this.line()}\n`);
  }

  private line(): string {
    const bar = this.total ? ` ${bar20(this.count / this.total)} ${this.count}/${this.total}` : ` ${this.count}`;
    const notes = (["failed", "skipped", "unknown"] as const).filter((s) => this.by[s] > 0).map((s) => `${this.by[s]} ${s}`);
    return `${this.label}:${bar}${notes.length ? ` (${notes.join(", ")})` : ""}`;
  }
}

function bar20(fraction: number): string {
  const filled = Math.round(Math.min(1, fraction) * 20);
  return `[${"#".repeat(filled)}${".".repeat(20 - filled)}]`;
}

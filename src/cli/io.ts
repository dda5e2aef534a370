import { Redactor } from "../http/redact.js";
import { makeStyle, type Style } from "../render/style.js";

/** Where a command writes: results to stdout, logs and progress to stderr, secrets never. */
export class Io {
  readonly redactor = new Redactor();
  readonly style: Style;
  readonly color: boolean;

  constructor(
    readonly env: Readonly<Record<string, string | undefined>> = process.env,
    readonly stdoutIsTty = Boolean(process.stdout.isTTY),
    readonly stderrIsTty = Boolean(process.stderr.isTTY),
  ) {
    this.color = stdoutIsTty && !("NO_COLOR" in env);
    this.style = makeStyle(this.color);
  }

  out(text: string): void {
    process.stdout.write(this.redactor.redact(text));
  }

  err(text: string): void {
    process.stderr.write(this.redactor.redact(text));
  }

  /** A style for stderr, which may be a terminal when stdout is not. */
  errStyle(): Style {
    return makeStyle(this.stderrIsTty && !("NO_COLOR" in this.env));
  }
}

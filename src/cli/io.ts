import { Redactor } from "../http/redact.js";
import type { HttpLog } from "../http/sender.js";
import { makeStyle, type Style } from "../render/style.js";
import { httpLogFor, type LogLevel } from "./log.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether to colour a stream: FORCE_COLOR decides when set ("0" or "false" turn colour off,
 * anything else on); otherwise a non-empty NO_COLOR or TERM=dumb turn it off, and a terminal
 * turns it on.
 */
export function colorWanted(isTty: boolean, env: Env): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  if (env["TERM"] === "dumb") return false;
  return isTty;
}

/** Where a command writes: results to stdout, logs and progress to stderr, secrets never. */
export class Io {
  readonly redactor = new Redactor();
  readonly style: Style;
  readonly color: boolean;
  /** The HTTP exchange log on stderr, set from --log-level / ORGFORM_LOG; none by default. */
  httpLog: HttpLog | undefined;

  constructor(
    readonly env: Env = process.env,
    readonly stdoutIsTty = Boolean(process.stdout.isTTY),
    readonly stderrIsTty = Boolean(process.stderr.isTTY),
  ) {
    this.color = colorWanted(stdoutIsTty, env);
    this.style = makeStyle(this.color);
  }

  setLogLevel(level: LogLevel): void {
    const dim = this.errStyle().dim;
    this.httpLog = httpLogFor(level, (line) => this.err(`${dim(line.trimEnd())}\n`));
  }

  out(text: string): void {
    process.stdout.write(this.redactor.redact(text));
  }

  err(text: string): void {
    process.stderr.write(this.redactor.redact(text));
  }

  /** A style for stderr, which may be a terminal when stdout is not. */
  errStyle(): Style {
    return makeStyle(colorWanted(this.stderrIsTty, this.env));
  }
}

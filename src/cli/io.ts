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

/** Where a command's text goes and what it runs in; the defaults are this process's own. */
export interface IoOptions {
  env?: Env;
  /** Receives stdout text (already redacted). */
  writeOut?: (text: string) => void;
  /** Receives stderr text (already redacted). */
  writeErr?: (text: string) => void;
  stdoutIsTty?: boolean;
  stderrIsTty?: boolean;
  /** Whether there is a terminal to ask for confirmation on. */
  stdinIsTty?: boolean;
}

/** Where a command writes: results to stdout, logs and progress to stderr, secrets never. */
export class Io {
  readonly redactor = new Redactor();
  readonly style: Style;
  readonly color: boolean;
  readonly env: Env;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  /** The HTTP exchange log on stderr, set from --log-level / ORGFORM_LOG; none by default. */
  httpLog: HttpLog | undefined;
  private readonly writeOut: (text: string) => void;
  private readonly writeErr: (text: string) => void;
  private readonly stdinTty: boolean | undefined;

  constructor(options: IoOptions = {}) {
    this.env = options.env ?? process.env;
    this.stdoutIsTty = options.stdoutIsTty ?? Boolean(process.stdout.isTTY);
    this.stderrIsTty = options.stderrIsTty ?? Boolean(process.stderr.isTTY);
    this.stdinTty = options.stdinIsTty;
    this.writeOut = options.writeOut ?? ((text) => process.stdout.write(text));
    this.writeErr = options.writeErr ?? ((text) => process.stderr.write(text));
    this.color = colorWanted(this.stdoutIsTty, this.env);
    this.style = makeStyle(this.color);
  }

  /** Whether there is a terminal to ask on; this process's stdin is looked at only when asked. */
  get stdinIsTty(): boolean {
    return this.stdinTty ?? Boolean(process.stdin.isTTY);
  }

  setLogLevel(level: LogLevel): void {
    const dim = this.errStyle().dim;
    this.httpLog = httpLogFor(level, (line) => this.err(`${dim(line.trimEnd())}\n`));
  }

  out(text: string): void {
    this.writeOut(this.redactor.redact(text));
  }

  err(text: string): void {
    this.writeErr(this.redactor.redact(text));
  }

  /** A style for stderr, which may be a terminal when stdout is not. */
  errStyle(): Style {
    return makeStyle(colorWanted(this.stderrIsTty, this.env));
  }
}

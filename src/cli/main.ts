#!/usr/bin/env node
import { main } from "./program.js";

/**
 * Exit once both streams are flushed. Exiting (rather than waiting for the event loop to
 * drain) matters after an interrupted apply: calls abandoned after the grace period must not
 * keep the process alive.
 */
function exitWhenFlushed(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv.slice(2)).then(exitWhenFlushed, (err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  exitWhenFlushed(1);
});

import { createInterface } from "node:readline/promises";
import { CancelledError } from "../model/errors.js";

/**
 * Ask on the terminal; only the word "yes" approves. Ctrl-C at the prompt cancels with exit
 * 130, Ctrl-D (end of input) with exit 1: both say "Apply cancelled.", neither is an error.
 */
export async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  let interrupted = false;
  rl.on("SIGINT", () => {
    interrupted = true;
    rl.close();
  });
  const closed = new Promise<undefined>((resolve) => rl.once("close", () => resolve(undefined)));
  try {
    const asked = rl.question(`${question}\n  Only 'yes' will be accepted: `).catch(() => undefined);
    const answer = await Promise.race([asked, closed]);
    if (answer === undefined) {
      process.stderr.write("\n");
      throw new CancelledError("Apply cancelled.", interrupted ? 130 : 1);
    }
    return answer.trim() === "yes";
  } finally {
    rl.close();
  }
}

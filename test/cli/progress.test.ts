import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { Progress } from "../../src/cli/progress.js";

/** An Io that records what goes to stderr, as a terminal or as a CI log. */
function recorder(tty: boolean): { io: Io; text: () => string } {
  let text = "";
  const io = { stderrIsTty: tty, err: (t: string) => void (text += t) } as unknown as Io;
  return { io, text: () => text };
}

describe("progress", () => {
  it("counts skipped and unknown actions apart from failed ones", () => {
    const { io, text } = recorder(true);
    const progress = new Progress(io, "applying (actions)", 6);

    for (const status of ["done", "failed", "skipped", "skipped", "unknown", "done"] as const) progress.tick(status);
    progress.finish();

    const last = text().split("\r").at(-1) ?? "";
    expect(last).toContain("6/6 (1 failed, 2 skipped, 1 unknown)");
  });

  it("shows no note when everything is done", () => {
    const { io, text } = recorder(true);
    const progress = new Progress(io, "applying (actions)", 2);

    progress.tick("done");
    progress.finish();

    expect(text().endsWith("1/2\x1b[K\n")).toBe(true);
  });
});

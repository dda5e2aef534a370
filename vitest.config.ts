import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks: some tests change the working folder (in-process CLI runs) or spawn the binary.
    pool: "forks",
    // Most files spend their time waiting (vendor rate-limit windows, retry pauses, emulator
    // answers), not computing: CLI runs happen in-process (test/helpers/orgform.ts runCli),
    // so four workers keep two cores busy without starving the fault tests' timeouts.
    maxWorkers: 4,
  },
});

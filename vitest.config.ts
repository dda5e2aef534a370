import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Child processes: the CLI tests spawn the built binary and some tests set process state.
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    // Most files spend their time waiting (vendor rate-limit windows, retry pauses, spawned
    // CLIs), so two workers keep both cores busy while one file waits; more starve the
    // fault tests' short timeouts on a shared machine.
    maxWorkers: 2,
  },
});

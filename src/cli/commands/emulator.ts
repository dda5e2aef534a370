import { vendorEmulators } from "../../emulator/registry.js";
import { startEmulator } from "../../emulator/server.js";
import { readStateFile } from "../../emulator/state.js";
import { UsageError } from "../../model/errors.js";
import type { Io } from "../io.js";

export interface EmulatorOptions {
  port?: string;
  host?: string;
  state?: string;
}

/** Serve the vendor emulators until interrupted. */
export async function emulatorCommand(options: EmulatorOptions, io: Io): Promise<number> {
  const port = portOf(options.port);
  const state = options.state ? readStateFile(options.state) : {};
  const host = options.host ?? "127.0.0.1";
  const emulator = await startEmulator({ port, host, state }).catch((err: unknown) => {
    throw listenProblem(err, host, port) ?? err;
  });
  io.out(`orgform emulator listening on ${emulator.url}\n`);
  io.err(`Vendors at ${emulator.url}/<vendor>; admin API at ${emulator.url}/_emulator/. Press Ctrl-C to stop.\n`);
  io.err(endpointLines(emulator.url));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await emulator.close();
  return 0;
}

/** The variables the examples' Target documents read their endpoints from, set for this emulator. */
export function endpointLines(url: string): string {
  const lines = Object.keys(vendorEmulators)
    .sort()
    .map((vendor) => `  export ${vendor.toUpperCase()}_ENDPOINT=${url}/${vendor}\n`);
  return `For the examples' targets (endpoint: \${<VENDOR>_ENDPOINT}):\n${lines.join("")}`;
}

/** `--port`: a whole number from 0 (any free port) to 65535. */
function portOf(text: string | undefined): number {
  if (text === undefined) return 0;
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n > 65535) throw new UsageError(`--port ${JSON.stringify(text)}: not a port number (0 to 65535; 0 picks a free port)`);
  return n;
}

/** Listening failures a user can fix, in words; undefined for anything else. */
function listenProblem(err: unknown, host: string, port: number): UsageError | undefined {
  const code = (err as { code?: string }).code;
  if (code === "EADDRINUSE") return new UsageError(`port ${port} on ${host} is already in use: stop what holds it or choose another with --port (0 picks a free port)`);
  if (code === "EACCES") return new UsageError(`not allowed to listen on port ${port} on ${host}: choose a port above 1023 with --port`);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return new UsageError(`cannot listen on ${host}: not an address of this machine (--host)`);
  return undefined;
}

import { startEmulator } from "../../emulator/server.js";
import { readStateFile } from "../../emulator/state.js";
import type { Io } from "../io.js";

export interface EmulatorOptions {
  port?: string;
  host?: string;
  state?: string;
}

/** Serve the vendor emulators until interrupted. */
export async function emulatorCommand(options: EmulatorOptions, io: Io): Promise<number> {
  const state = options.state ? readStateFile(options.state) : {};
  const emulator = await startEmulator({ port: options.port === undefined ? 0 : Number(options.port), host: options.host, state });
  io.out(`orgform emulator listening on ${emulator.url}\n`);
  io.err(`Vendors at ${emulator.url}/<vendor>; admin API at ${emulator.url}/_emulator/. Press Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await emulator.close();
  return 0;
}

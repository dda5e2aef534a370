import { workerData, type MessagePort } from "node:worker_threads";
import { decodeManifest } from "./encoding.js";
import { readManifestFile } from "./files.js";
import type { OffThread, WorkerJob } from "./parse-spread.js";
import { fastValues } from "./yaml.js";

/**
 * A parse thread: reads, decodes and fast-parses (with js-yaml) the files it is given, posting each result
 * as soon as it has it and counting it in the shared counter the main thread waits on. A file
 * it cannot fast-parse (or read, or decode) is posted without a result: the main thread then
 * reads it itself, with every message and position.
 */
const job = workerData as WorkerJob & { port: MessagePort };

for (const [i, path] of job.paths.entries()) {
  let result: OffThread | undefined;
  try {
    const decoded = decodeManifest(path, readManifestFile(path));
    // The main thread sends only files the block parser left: js-yaml reads them here.
    const parsed = decoded.ok ? fastValues(decoded.text, false) : undefined;
    if (decoded.ok && parsed) result = { text: decoded.text, plain: decoded.plain, parsed };
  } catch {
    result = undefined;
  }
  job.port.postMessage({ at: i, result });
  Atomics.add(job.posted, 0, 1);
  Atomics.notify(job.posted, 0);
}

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { describeLocation, type Platform } from "./platform.js";

// Node's side of platform.ts, chosen by the `node` condition of package.json "#platform". Static imports
// of node: modules, available on every Node 20 release (process.getBuiltinModule is Node ≥ 20.16).

/** `file:`, `http:`, `data:`…; a single letter is a Windows drive (`C:\…`), not a scheme. */
const isUrlString = (s: string): boolean => /^[a-z][a-z0-9+.-]+:/i.test(s);

const readBytes = async (location: URL | string): Promise<Uint8Array> => {
  const url =
    typeof location === "string" ? (isUrlString(location) ? new URL(location) : undefined) : location;
  try {
    if (url === undefined || url.protocol === "file:") {
      const buf = await readFile(url ?? location);
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    throw new Error(
      `@stepwise/backend-wasm: cannot read ${describeLocation(location)} (${e instanceof Error ? e.message : String(e)})`,
    );
  }
};

export const platform: Platform = {
  availableCores: () => Math.max(1, Math.floor(availableParallelism())),
  fileExists: (url) => existsSync(url),
  readBytes,
  spawnThread: (source, onMessage, onError) => {
    const worker = new Worker(source, { eval: true });
    worker.on("message", onMessage);
    worker.on("error", onError);
    return {
      post: (message) => worker.postMessage(message),
      detach: () => worker.unref(),
      terminate: async () => {
        await worker.terminate();
      },
    };
  },
};

/**
 * What differs between Node and browsers: the core count, reading the .wasm, and starting a worker.
 * Node's modules are reached with `process.getBuiltinModule` (Node ≥ 20.16), so nothing here imports
 * `node:*` statically and a bundler can ship the package to a browser unchanged.
 */

const node = (): NodeJS.Process | undefined =>
  typeof process !== "undefined" && typeof process.getBuiltinModule === "function" ? process : undefined;

interface BrowserGlobals {
  readonly navigator?: { readonly hardwareConcurrency?: number };
  readonly fetch?: (url: URL) => Promise<{ readonly ok: boolean; arrayBuffer(): Promise<ArrayBuffer> }>;
  readonly Worker?: new (url: string) => BrowserWorker;
  readonly Blob?: new (parts: ReadonlyArray<string>, options: { type: string }) => object;
  readonly URL: { createObjectURL?: (blob: object) => string };
}

interface BrowserWorker {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

const browser = (): BrowserGlobals => globalThis as unknown as BrowserGlobals;

/** The cores this process may use: `os.availableParallelism()` in Node, `hardwareConcurrency` in a browser. */
export const availableCores = (): number => {
  const proc = node();
  const n = proc
    ? proc.getBuiltinModule("node:os").availableParallelism()
    : (browser().navigator?.hardwareConcurrency ?? 1);
  return Math.max(1, Math.floor(n));
};

/** Whether the file exists (always true in a browser, where only fetching can tell). */
export const fileExists = (url: URL): boolean => {
  const proc = node();
  return proc ? proc.getBuiltinModule("node:fs").existsSync(url) : true;
};

export const readBytes = async (url: URL): Promise<Uint8Array> => {
  const proc = node();
  if (proc) return new Uint8Array(await proc.getBuiltinModule("node:fs/promises").readFile(url));
  const fetch = browser().fetch;
  if (fetch === undefined) throw new Error(`@stepwise/backend-wasm: cannot read ${url.href}: no fetch`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`@stepwise/backend-wasm: cannot fetch ${url.href}`);
  return new Uint8Array(await response.arrayBuffer());
};

export interface Thread {
  readonly post: (message: unknown) => void;
  /** Lets the process exit while this thread sleeps (Node); call once it has started. */
  readonly detach: () => void;
  readonly terminate: () => Promise<void>;
}

/**
 * Starts a worker running `source` (see worker-source.ts).
 */
export const spawnThread = (
  source: string,
  onMessage: (message: unknown) => void,
  onError: (error: unknown) => void,
): Thread => {
  const proc = node();
  if (proc) {
    const { Worker } = proc.getBuiltinModule("node:worker_threads");
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
  }
  const { Worker, Blob, URL: urls } = browser();
  if (Worker === undefined || Blob === undefined || urls.createObjectURL === undefined)
    throw new Error("@stepwise/backend-wasm: this environment has no Worker");
  const worker = new Worker(urls.createObjectURL(new Blob([source], { type: "text/javascript" })));
  worker.onmessage = (event) => onMessage(event.data);
  worker.onerror = onError;
  return {
    post: (message) => worker.postMessage(message),
    detach: () => undefined,
    terminate: async () => worker.terminate(),
  };
};

import { describeLocation, type Platform } from "./platform.js";

// The browser's side of platform.ts, chosen by the `default` condition of package.json "#platform":
// nothing from Node, so a bundler ships it as it is. (The repository compiles without the DOM library,
// so the few browser globals used are typed here.)

interface BrowserGlobals {
  readonly navigator?: { readonly hardwareConcurrency?: number };
  readonly fetch?: (
    location: URL | string,
  ) => Promise<{ readonly ok: boolean; readonly status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
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

const readBytes = async (location: URL | string): Promise<Uint8Array> => {
  const { fetch } = browser();
  const where = describeLocation(location);
  if (fetch === undefined)
    throw new Error(`@stepwise/backend-wasm: cannot fetch ${where}: this runtime has no fetch`);
  let response: Awaited<ReturnType<NonNullable<BrowserGlobals["fetch"]>>>;
  try {
    response = await fetch(location);
  } catch (e) {
    throw new Error(
      `@stepwise/backend-wasm: cannot fetch the kernels from ${where} (${e instanceof Error ? e.message : String(e)}); pass their URL or bytes: createWasmBackend({ kernels })`,
    );
  }
  if (!response.ok)
    throw new Error(
      `@stepwise/backend-wasm: cannot fetch the kernels from ${where} (HTTP ${response.status}); a bundler did not copy them there — pass their URL or bytes: createWasmBackend({ kernels }), see the package README ("Bundlers")`,
    );
  return new Uint8Array(await response.arrayBuffer());
};

export const platform: Platform = {
  availableCores: () => Math.max(1, Math.floor(browser().navigator?.hardwareConcurrency ?? 1)),
  fileExists: () => true,
  readBytes,
  spawnThread: (source, onMessage, onError) => {
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
  },
};

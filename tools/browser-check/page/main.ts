/// <reference path="./wasm.d.ts" />
import { createWasmBackend } from "@stepwise/backend-wasm";
import kernels from "@stepwise/backend-wasm/kernels.wasm";
import type { PageResult, WorkerRequest, WorkerResult } from "./messages.js";

// The page: asks for the backend on its own thread (which must refuse, naming Web Workers), then trains
// in a worker and leaves everything in `window.__stepwise` for the harness (src/run.ts) to read.

interface PageWorker {
  onmessage: ((event: { readonly data: WorkerResult }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  postMessage(message: WorkerRequest): void;
}

interface PageGlobals {
  readonly location: { readonly search: string };
  readonly Worker: new (url: string, options: { type: "module" }) => PageWorker;
  readonly crossOriginIsolated?: boolean;
  readonly document: { readonly body: { textContent: string } };
  __stepwise?: PageResult;
}

const page = globalThis as unknown as PageGlobals;

const fused = new URLSearchParams(page.location.search).get("fused");
const request: WorkerRequest = fused === null ? {} : { fusedMultiplyAdd: fused === "1" };

const mainThread = await createWasmBackend({ kernels }).then(
  async (backend) => {
    await backend.dispose();
    return "started";
  },
  (e: unknown) => (e instanceof Error ? e.message : String(e)),
);

const worker = await new Promise<WorkerResult>((resolve) => {
  const w = new page.Worker("./worker.js", { type: "module" });
  w.onmessage = (event) => resolve(event.data);
  w.onerror = (event) => resolve({ ok: false, error: `the worker failed to start: ${event.message ?? "?"}` });
  w.postMessage(request);
});

const result: PageResult = { crossOriginIsolated: page.crossOriginIsolated, mainThread, worker };
page.document.body.textContent = JSON.stringify(result, null, 2);
page.__stepwise = result;

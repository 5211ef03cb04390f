/// <reference path="./wasm.d.ts" />
import { createWasmBackend } from "@stepwise/backend-wasm";
// The bundler copies the kernels and gives their URL (esbuild --loader:.wasm=file; Vite: "…wasm?url").
import kernels from "@stepwise/backend-wasm/kernels.wasm";
import relaxedKernels from "@stepwise/backend-wasm/kernels-relaxed.wasm";
import { tinyRun } from "../src/tiny-run.js";
import type { WorkerRequest, WorkerResult } from "./messages.js";

// The training runs here, in a Web Worker: the backend's products wait on Atomics, which a page's main
// thread may not do. The repository compiles without the DOM library, so the worker scope is typed here.
interface WorkerScope {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  postMessage(message: WorkerResult): void;
  readonly crossOriginIsolated?: boolean;
}

const scope = globalThis as unknown as WorkerScope;

const train = async ({ fusedMultiplyAdd }: WorkerRequest): Promise<WorkerResult> => {
  try {
    const wasm = await createWasmBackend({
      kernels,
      relaxedKernels,
      ...(fusedMultiplyAdd === undefined ? {} : { fusedMultiplyAdd }),
    });
    try {
      return {
        ok: true,
        costs: tinyRun(wasm),
        threads: wasm.threads,
        fusedMultiplyAdd: wasm.fusedMultiplyAdd,
        crossOriginIsolated: scope.crossOriginIsolated,
      };
    } finally {
      await wasm.dispose();
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};

scope.onmessage = (event) => {
  void train(event.data as WorkerRequest).then((result) => scope.postMessage(result));
};

import { canBlock, hasRelaxedSimd, hasSharedMemory, hasSimd } from "./features.js";
import { fileExists, readBytes } from "./platform.js";
import { type WasmInstance, type WasmMemory, type WasmModule, wasmApi } from "./wasm-api.js";

/** The exports of assembly/index.ts. Addresses are bytes; `bool`s are 0/1. */
export interface Kernels {
  readonly block: (descriptor: number, block: number) => void;
  readonly unary: (op: number, src: number, dst: number, n: number) => void;
  readonly binary: (
    op: number,
    a: number,
    aRow: number,
    aCol: number,
    b: number,
    bRow: number,
    bCol: number,
    out: number,
    rows: number,
    cols: number,
  ) => void;
  readonly scalar: (op: number, a: number, sAt: number, scalarFirst: number, out: number, n: number) => void;
  readonly reduce: (op: number, axis: number, src: number, rows: number, cols: number, out: number) => void;
  readonly axpby: (alpha: number, a: number, beta: number, b: number, out: number, n: number) => void;
  readonly heapBase: () => number;
  readonly fused: () => number;
}

/** The two builds of assembly/ (see package.json "build:wasm"): plain SIMD, and SIMD with fused multiply-add. */
export const kernelsUrl = (fused: boolean): URL =>
  new URL(fused ? "../build/kernels-relaxed.wasm" : "../build/kernels.wasm", import.meta.url);

/** The memory's limit (in pages): 2 GiB keeps every address a non-negative i32. */
export const MAXIMUM_PAGES = 32768;

/**
 * Why this runtime cannot run the backend, or `undefined` when it can: it needs WebAssembly SIMD, shared
 * memory, a thread allowed to block (not a browser page's main thread: run the training in a Worker
 * there) and, in Node, the built .wasm.
 */
export const wasmBackendUnavailableReason = (): string | undefined => {
  if (!hasSimd()) return "this runtime has no WebAssembly SIMD";
  if (!hasSharedMemory())
    return "this runtime has no shared WebAssembly memory (a browser page needs cross-origin isolation)";
  if (!canBlock()) return "this thread may not block on Atomics.wait (run the training in a Worker)";
  const url = kernelsUrl(false);
  if (!fileExists(url))
    return `the kernels are not built: ${url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href} is missing (pnpm --filter @stepwise/backend-wasm build:wasm)`;
  return undefined;
};

/** Whether this runtime can run the backend (see `wasmBackendUnavailableReason`). */
export const wasmBackendAvailable = (): boolean => wasmBackendUnavailableReason() === undefined;

export const compileKernels = async (fused: boolean): Promise<WasmModule> => {
  const api = wasmApi();
  if (api === undefined) throw new Error("@stepwise/backend-wasm: this runtime has no WebAssembly");
  const url = kernelsUrl(fused);
  if (!fileExists(url))
    throw new Error(
      `@stepwise/backend-wasm: ${url.pathname} is missing; build it with \`pnpm --filter @stepwise/backend-wasm build:wasm\``,
    );
  return api.compile(await readBytes(url));
};

/** Whether to load the fused build: asked for, or by default when the runtime has relaxed SIMD. */
export const chooseFused = (requested: boolean | undefined): boolean => requested ?? hasRelaxedSimd();

export const instantiate = (module: WasmModule, memory: WasmMemory): Kernels => {
  const api = wasmApi();
  if (api === undefined) throw new Error("@stepwise/backend-wasm: this runtime has no WebAssembly");
  const abort = (): never => {
    throw new Error("@stepwise/backend-wasm: wasm abort");
  };
  const instance: WasmInstance = new api.Instance(module, { env: { memory, abort } });
  return instance.exports as unknown as Kernels;
};

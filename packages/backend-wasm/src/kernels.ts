import { platform } from "#platform";
import { canBlock, hasSharedMemory, hasSimd } from "./features.js";
import { describeLocation } from "./platform.js";
import { type WasmApi, type WasmInstance, type WasmMemory, type WasmModule, wasmApi } from "./wasm-api.js";

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

/**
 * Where a build of the kernels comes from: its URL (a string: in Node a path or an absolute URL, in a
 * browser anything `fetch` takes), its bytes, or a compiled `WebAssembly.Module`.
 */
export type KernelsSource = URL | string | ArrayBuffer | Uint8Array | WasmModule;

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
  if (!platform.fileExists(url))
    return `the kernels are not built: ${url.protocol === "file:" ? decodeURIComponent(url.pathname) : url.href} is missing (pnpm --filter @stepwise/backend-wasm build:wasm)`;
  return undefined;
};

/** Whether this runtime can run the backend (see `wasmBackendUnavailableReason`). */
export const wasmBackendAvailable = (): boolean => wasmBackendUnavailableReason() === undefined;

export interface KernelsChoice {
  /** Which build: with fused multiply-add (relaxed SIMD) or plain SIMD. */
  readonly fused: boolean;
  readonly source: KernelsSource;
  /** The option that gave the source, for messages; undefined for the package's own build/ files. */
  readonly option?: "kernels" | "relaxedKernels";
}

/**
 * Which build to load, and from where. With no source given, the package's own build/ files, fused
 * where the runtime has relaxed SIMD. Once the caller gives a source, only the builds it gave are used
 * (a bundled app has no build/ folder to fall back to): `kernels` alone is the plain build;
 * `relaxedKernels` is taken where the runtime validates relaxed SIMD.
 */
export const chooseKernels = (
  options: {
    readonly kernels?: KernelsSource;
    readonly relaxedKernels?: KernelsSource;
    readonly fusedMultiplyAdd?: boolean;
  },
  relaxedSupported: boolean,
): KernelsChoice => {
  const { kernels, relaxedKernels, fusedMultiplyAdd } = options;
  if (kernels === undefined && relaxedKernels === undefined) {
    const fused = fusedMultiplyAdd ?? relaxedSupported;
    return { fused, source: kernelsUrl(fused) };
  }
  const fused = fusedMultiplyAdd ?? (relaxedKernels !== undefined && relaxedSupported);
  if (fused && relaxedKernels === undefined)
    throw new Error(
      "createWasmBackend: fusedMultiplyAdd: true needs the relaxed-SIMD build; pass it as relaxedKernels (the file @stepwise/backend-wasm/kernels-relaxed.wasm)",
    );
  if (!fused && kernels === undefined)
    throw new Error(
      `createWasmBackend: ${fusedMultiplyAdd === false ? "fusedMultiplyAdd: false needs" : "this runtime has no relaxed SIMD, so it needs"} the plain SIMD build; pass it as kernels (the file @stepwise/backend-wasm/kernels.wasm)`,
    );
  return fused
    ? { fused, source: relaxedKernels as KernelsSource, option: "relaxedKernels" }
    : { fused, source: kernels as KernelsSource, option: "kernels" };
};

const isModule = (api: WasmApi, source: KernelsSource): source is WasmModule => source instanceof api.Module;

const bytesOf = async (choice: KernelsChoice): Promise<Uint8Array> => {
  const { source } = choice;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (typeof source === "string" || source instanceof URL) {
    if (choice.option === undefined && source instanceof URL && !platform.fileExists(source))
      throw new Error(
        `@stepwise/backend-wasm: ${source.pathname} is missing; build it with \`pnpm --filter @stepwise/backend-wasm build:wasm\``,
      );
    return platform.readBytes(source);
  }
  throw new TypeError(
    `createWasmBackend: ${choice.option ?? "kernels"} must be a URL, a string, an ArrayBuffer, a Uint8Array or a WebAssembly.Module, got ${Object.prototype.toString.call(source)}`,
  );
};

/** Compiles the chosen build (or takes the module given); names the source when the bytes are no module. */
export const compileKernels = async (choice: KernelsChoice): Promise<WasmModule> => {
  const api = wasmApi();
  if (api === undefined) throw new Error("@stepwise/backend-wasm: this runtime has no WebAssembly");
  if (isModule(api, choice.source)) return choice.source;
  const bytes = await bytesOf(choice);
  try {
    return await api.compile(bytes);
  } catch (e) {
    const where =
      typeof choice.source === "string" || choice.source instanceof URL
        ? describeLocation(choice.source)
        : `the bytes given as ${choice.option ?? "kernels"}`;
    throw new Error(
      `@stepwise/backend-wasm: ${where} is not the kernels' WebAssembly (${e instanceof Error ? e.message : String(e)}); ${choice.fused ? "relaxedKernels is @stepwise/backend-wasm/kernels-relaxed.wasm" : "kernels is @stepwise/backend-wasm/kernels.wasm"}${choice.option === undefined ? ", rebuilt with `pnpm --filter @stepwise/backend-wasm build:wasm`" : ""}`,
    );
  }
};

export const instantiate = (module: WasmModule, memory: WasmMemory): Kernels => {
  const api = wasmApi();
  if (api === undefined) throw new Error("@stepwise/backend-wasm: this runtime has no WebAssembly");
  const abort = (): never => {
    throw new Error("@stepwise/backend-wasm: wasm abort");
  };
  const instance: WasmInstance = new api.Instance(module, { env: { memory, abort } });
  return instance.exports as unknown as Kernels;
};

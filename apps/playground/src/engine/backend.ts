import { createWasmBackend } from "@stepwise/backend-wasm";
// Vite copies the kernels into the site and gives their URL.
import kernels from "@stepwise/backend-wasm/kernels.wasm?url";
import { type Backend, jsBackend } from "@stepwise/tensor";

/** Which backend a worker trains on, and why: shown in the page's header. */
export interface BackendInfo {
  readonly name: "wasm" | "js";
  readonly threads: number;
  readonly crossOriginIsolated: boolean;
  /** A sentence for the user when the fast path is not available. */
  readonly note: string | null;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The wasm backend with one thread per core when the page is cross-origin isolated (SharedArrayBuffer
 * needs it), else the js reference on this one thread. Must run in a Worker: the wasm backend's threads
 * wait with Atomics.wait, which a page's main thread may not. Only the plain SIMD build is given (not the
 * fused multiply-add one), as the CLI on Node 20 uses, so the products round as the CLI's do.
 */
export const startBackend = async (
  isolated: boolean,
  cores: number,
): Promise<readonly [Backend, BackendInfo, () => void]> => {
  const js = (note: string): readonly [Backend, BackendInfo, () => void] => [
    jsBackend,
    { name: "js", threads: 1, crossOriginIsolated: isolated, note },
    () => undefined,
  ];
  if (!isolated)
    return js(
      "This page is not cross-origin isolated (no COOP/COEP headers), so WebAssembly threads are unavailable: training runs on the js backend, one thread, several times slower.",
    );
  try {
    const threads = Math.max(1, Math.min(cores - 1, 8));
    const wasm = await createWasmBackend({ threads, kernels });
    return [
      wasm,
      { name: "wasm", threads, crossOriginIsolated: true, note: null },
      () => void wasm.dispose(),
    ];
  } catch (e) {
    return js(
      `The WebAssembly backend cannot start here (${messageOf(e)}); training runs on the js backend.`,
    );
  }
};

/**
 * The backend a run trains on (the device follows the data: the run moves its data there): the started
 * one for the cat model's large products, the js reference for 2-D networks, whose matrices are so small
 * that a call into wasm memory costs more than the arithmetic (measured: 2 ms against 0.1 ms per Adam step).
 */
export const backendFor = (started: Backend, smallNetwork: boolean): Backend =>
  smallNetwork ? jsBackend : started;

import { wasmApi } from "./wasm-api.js";

/**
 * Run-time feature probes: each compiles a one-function module with `WebAssembly.validate`, so nothing is
 * instantiated and a missing feature is simply `false`.
 */

const v128Const = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** A module whose only function pushes three v128 constants, applies `opcode` (SIMD prefix 0xfd) and drops. */
const probeModule = (opcode: ReadonlyArray<number>, operands: number): Uint8Array => {
  const body = [
    0x00,
    ...Array.from({ length: operands }, () => v128Const).flat(),
    0xfd,
    ...opcode,
    0x1a,
    0x0b,
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00], // type section: () -> ()
    ...[0x03, 0x02, 0x01, 0x00], // function section: one function of type 0
    ...[0x0a, body.length + 2, 0x01, body.length, ...body], // code section
  ]);
};

/** f64x2.add (0xfd 0xf0 0x01). */
export const simdProbe = probeModule([0xf0, 0x01], 2);
/** f64x2.relaxed_madd (0xfd 0x87 0x02). */
export const relaxedSimdProbe = probeModule([0x87, 0x02], 3);

const validates = (bytes: Uint8Array): boolean => {
  try {
    return wasmApi()?.validate(bytes) === true;
  } catch {
    return false;
  }
};

export const hasSimd = (): boolean => validates(simdProbe);

/** Fused multiply-add (relaxed SIMD): Node ≥ 22 and current browsers; Node 20 only behind a flag. */
export const hasRelaxedSimd = (): boolean => validates(relaxedSimdProbe);

/** Shared WebAssembly memory (browsers need cross-origin isolation for it). */
export const hasSharedMemory = (): boolean => {
  try {
    const api = wasmApi();
    return (
      api !== undefined &&
      typeof SharedArrayBuffer !== "undefined" &&
      new api.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer
    );
  } catch {
    return false;
  }
};

/** Whether this thread may block in `Atomics.wait` (Node's main thread and workers yes; a page's main thread no). */
export const canBlock = (): boolean => {
  try {
    return Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1) === "not-equal";
  } catch {
    return false;
  }
};

/** What `createWasmBackend` needs from the runtime, probed once (a value, so the messages are testable). */
export interface Environment {
  readonly webAssembly: boolean;
  readonly simd: boolean;
  readonly sharedMemory: boolean;
  /** `self.crossOriginIsolated` in a browser; undefined in Node, which has no such notion. */
  readonly crossOriginIsolated: boolean | undefined;
  readonly canBlock: boolean;
}

export const probeEnvironment = (): Environment => {
  const isolated = (globalThis as { readonly crossOriginIsolated?: unknown }).crossOriginIsolated;
  return {
    webAssembly: wasmApi() !== undefined,
    simd: hasSimd(),
    sharedMemory: hasSharedMemory(),
    crossOriginIsolated: typeof isolated === "boolean" ? isolated : undefined,
    canBlock: canBlock(),
  };
};

const FALLBACK = "use the js backend instead (jsBackend from @stepwise/tensor), which needs none of this";

/**
 * Why the backend cannot start here, or undefined. The browser's own errors (a SharedArrayBuffer that is
 * not defined, "Atomics.wait cannot be called in this context") do not say what to change; these do.
 */
export const unavailableReason = (env: Environment): string | undefined => {
  if (!env.webAssembly) return `this runtime has no WebAssembly; ${FALLBACK}`;
  if (!env.simd)
    return `this runtime's WebAssembly has no SIMD (Node ≥ 16.4, Chrome ≥ 91, Firefox ≥ 89, Safari ≥ 16.4 have it); ${FALLBACK}`;
  if (!env.sharedMemory)
    return env.crossOriginIsolated === false
      ? `this page is not cross-origin isolated (crossOriginIsolated is false), so the shared WebAssembly memory (SharedArrayBuffer) the backend's threads work in is not available. Serve the page and its scripts with the headers "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" (on a static host that cannot set headers, a service-worker shim such as coi-serviceworker adds them), or ${FALLBACK}`
      : `this runtime has no shared WebAssembly memory (SharedArrayBuffer), which the backend's threads work in; ${FALLBACK}`;
  if (!env.canBlock)
    return `this thread may not block on Atomics.wait, as a page's main thread may not; the backend's products wait for their worker threads, so create it and train inside a Web Worker (new Worker(new URL("./train.js", import.meta.url), { type: "module" })), or ${FALLBACK}`;
  return undefined;
};

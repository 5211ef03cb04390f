/**
 * The slice of the WebAssembly JS API this package uses, typed here because the repository compiles
 * without the DOM library (Node's types do not declare `WebAssembly`). Reached through `globalThis`, so
 * the same code runs in Node and in browsers.
 */

export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  grow(deltaPages: number): number;
}

/** An opaque compiled module: structured-cloneable, so workers instantiate the same code. */
export interface WasmModule {
  readonly __wasmModule?: never;
}

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

export interface WasmApi {
  /** For `instanceof`: a module compiled elsewhere can be passed in. */
  readonly Module: abstract new (
    ...args: never[]
  ) => WasmModule;
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  readonly Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => WasmInstance;
  readonly validate: (bytes: Uint8Array) => boolean;
  readonly compile: (bytes: Uint8Array) => Promise<WasmModule>;
}

export const wasmApi = (): WasmApi | undefined =>
  (globalThis as unknown as { readonly WebAssembly?: WasmApi }).WebAssembly;

/** The page size of WebAssembly memory. */
export const PAGE_BYTES = 65536;

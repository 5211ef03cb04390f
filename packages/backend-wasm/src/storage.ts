import type { Heap } from "./heap.js";
import type { WasmMemory } from "./wasm-api.js";

/**
 * Arrays that live in the backend's own memory (`Backend.allocate`). A recycler asks for them; the
 * backend then reads them as operands and writes results into them where they are, with no copy in or
 * out. Each array owns one heap block, released when the array is garbage-collected.
 */
export interface Storage {
  readonly allocate: (length: number) => Float64Array;
  /** The address of `data` when it is one of these arrays (the whole array, not a subarray). */
  readonly addressOf: (data: Float64Array) => number | undefined;
}

export const createStorage = (memory: WasmMemory, heap: Heap): Storage => {
  const addresses = new WeakMap<Float64Array, number>();
  const registry = new FinalizationRegistry<number>((address) => heap.release(address));
  return {
    allocate: (length) => {
      const address = heap.allocate(length * 8);
      const data = new Float64Array(memory.buffer, address, length);
      addresses.set(data, address);
      registry.register(data, address);
      return data;
    },
    addressOf: (data) => addresses.get(data),
  };
};

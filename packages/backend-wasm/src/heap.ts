import { PAGE_BYTES, type WasmMemory } from "./wasm-api.js";

/**
 * A first-fit allocator for the shared wasm memory, run by the main thread only. Blocks are 64-byte
 * aligned (a cache line; v128 loads want 16). Freed blocks coalesce with their neighbours and a free
 * block at the top lowers the top, so the per-call buffers of a training loop reuse the same addresses
 * instead of growing memory every iteration. Memory grows in whole pages and never shrinks.
 */
export interface Heap {
  readonly allocate: (bytes: number) => number;
  readonly release: (address: number) => void;
  /** Bytes in use and the memory's current size. */
  readonly stats: () => { readonly used: number; readonly size: number };
}

const ALIGN = 64;
const alignUp = (n: number, to: number): number => Math.ceil(n / to) * to;

export const createHeap = (memory: WasmMemory, base: number, maximumBytes: number): Heap => {
  const start = alignUp(base, ALIGN);
  let top = start;
  let used = 0;
  const sizes = new Map<number, number>();
  // Free blocks below `top`, sorted by address: [address, size].
  const free: Array<[number, number]> = [];

  const ensure = (end: number): void => {
    const size = memory.buffer.byteLength;
    if (end <= size) return;
    if (end > maximumBytes)
      throw new RangeError(
        `@stepwise/backend-wasm: out of wasm memory: needs ${(end / 2 ** 20).toFixed(0)} MiB, the limit is ${(maximumBytes / 2 ** 20).toFixed(0)} MiB`,
      );
    // Grow by at least a quarter, so a run of growing requests costs few grows.
    const want = Math.min(maximumBytes, Math.max(end, size + size / 4));
    memory.grow(Math.ceil((want - size) / PAGE_BYTES));
  };

  const allocate = (bytes: number): number => {
    const size = alignUp(Math.max(bytes, 1), ALIGN);
    let address = -1;
    for (let i = 0; i < free.length; i++) {
      const block = free[i] as [number, number];
      if (block[1] < size) continue;
      address = block[0];
      if (block[1] === size) free.splice(i, 1);
      else free[i] = [block[0] + size, block[1] - size];
      break;
    }
    if (address < 0) {
      ensure(top + size);
      address = top;
      top += size;
    }
    sizes.set(address, size);
    used += size;
    return address;
  };

  const release = (address: number): void => {
    const size = sizes.get(address);
    if (size === undefined) throw new Error(`@stepwise/backend-wasm: release of unknown block ${address}`);
    sizes.delete(address);
    used -= size;
    let i = 0;
    while (i < free.length && (free[i] as [number, number])[0] < address) i++;
    let block: [number, number] = [address, size];
    const next = free[i];
    if (next !== undefined && block[0] + block[1] === next[0]) {
      block = [block[0], block[1] + next[1]];
      free.splice(i, 1);
    }
    const previous = free[i - 1];
    if (previous !== undefined && previous[0] + previous[1] === block[0]) {
      block = [previous[0], previous[1] + block[1]];
      free.splice(--i, 1);
    }
    if (block[0] + block[1] === top) top = block[0];
    else free.splice(i, 0, block);
  };

  return { allocate, release, stats: () => ({ used, size: memory.buffer.byteLength }) };
};

import { describe, expect, it } from "vitest";
import { createHeap } from "../src/heap.js";
import { PAGE_BYTES, type WasmMemory } from "../src/wasm-api.js";

/** A stand-in for WebAssembly.Memory that only tracks its size. */
const fakeMemory = (pages: number): WasmMemory => {
  let buffer = new SharedArrayBuffer(pages * PAGE_BYTES);
  return {
    get buffer() {
      return buffer;
    },
    grow: (delta: number) => {
      const old = buffer.byteLength / PAGE_BYTES;
      buffer = new SharedArrayBuffer((old + delta) * PAGE_BYTES);
      return old;
    },
  };
};

describe("createHeap", () => {
  it("allocates 64-byte aligned, disjoint blocks above the base", () => {
    const heap = createHeap(fakeMemory(1), 100, 4 * PAGE_BYTES);
    const a = heap.allocate(10);
    const b = heap.allocate(100);
    expect(a).toBe(128);
    expect(b).toBe(192);
    expect(heap.stats().used).toBe(64 + 128);
  });
  it("reuses freed blocks and coalesces neighbours, so a loop's buffers keep their addresses", () => {
    const heap = createHeap(fakeMemory(1), 0, 4 * PAGE_BYTES);
    const keep = heap.allocate(64);
    const first = [heap.allocate(1000), heap.allocate(2000)];
    for (const p of first) heap.release(p);
    const again = [heap.allocate(1000), heap.allocate(2000)];
    expect(again).toEqual(first);
    const [x, y] = again as [number, number];
    heap.release(x);
    heap.release(y);
    expect(heap.allocate(3000)).toBe(x);
    expect(keep).toBe(0);
  });
  it("grows the memory on demand and refuses past the limit", () => {
    const memory = fakeMemory(1);
    const heap = createHeap(memory, 0, 4 * PAGE_BYTES);
    heap.allocate(3 * PAGE_BYTES);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(3 * PAGE_BYTES);
    expect(() => heap.allocate(2 * PAGE_BYTES)).toThrow("out of wasm memory");
  });
  it("rejects releasing an unknown block", () => {
    expect(() => createHeap(fakeMemory(1), 0, PAGE_BYTES).release(64)).toThrow("unknown block");
  });
});

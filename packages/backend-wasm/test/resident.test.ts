import { equals, jsBackend } from "@stepwise/tensor";
import { beforeAll, describe, expect, it } from "vitest";
import { createWasmBackend } from "../src/index.js";
import { ensureKernels, expectParity, generator, kernels, randomMatrix } from "./helpers.js";

const next = generator(3);
beforeAll(ensureKernels, 180_000);

describe("resident copies of constant inputs", () => {
  it("keeps an input from its second use on, in each form it is used in, with the same results", async () => {
    const wasm = await createWasmBackend({ threads: 2, residentMinBytes: 1024 });
    try {
      const X = randomMatrix(next, 300, 40);
      const W = randomMatrix(next, 6, 300);
      const dZ = randomMatrix(next, 6, 40);
      const first = kernels(wasm).matmul(W, X, false, false);
      expect(wasm.stats().residentArrays).toBe(0);
      const again = [kernels(wasm).matmul(W, X, false, false), kernels(wasm).matmul(dZ, X, false, true)];
      // X (seen twice) is kept as packed and packed-transposed; W is kept too, as a plain copy.
      expect(wasm.stats().residentArrays).toBe(2);
      expect(wasm.stats().residentBytes).toBe(2 * 300 * 40 * 8 + 6 * 300 * 8);
      expect(equals(again[0] ?? first, first)).toBe(true);
      expectParity(again[1] ?? first, kernels(jsBackend).matmul(dZ, X, false, true), {
        exact: !wasm.fusedMultiplyAdd,
      });
      wasm.clearResident();
      expect(wasm.stats()).toMatchObject({ residentArrays: 0, residentBytes: 0 });
    } finally {
      await wasm.dispose();
    }
  });

  it("keeps an input of 4 MiB or more from its first use (data, such as X)", async () => {
    const wasm = await createWasmBackend({ threads: 1 });
    try {
      const X = randomMatrix(next, 1024, 512);
      const W = randomMatrix(next, 4, 1024);
      const first = kernels(wasm).matmul(W, X, false, false);
      expect(wasm.stats().residentArrays).toBe(1);
      expect(equals(kernels(wasm).matmul(W, X, false, false), first)).toBe(true);
    } finally {
      await wasm.dispose();
    }
  });

  it("stays within its budget, evicting the least recently used", async () => {
    const wasm = await createWasmBackend({
      threads: 1,
      residentMinBytes: 1024,
      residentBytes: 3 * 100 * 40 * 8,
    });
    try {
      const W = randomMatrix(next, 3, 100);
      const inputs = Array.from({ length: 5 }, () => randomMatrix(next, 100, 40));
      for (const X of inputs) {
        const expected = kernels(jsBackend).matmul(W, X, false, false);
        for (let i = 0; i < 3; i++)
          expectParity(kernels(wasm).matmul(W, X, false, false), expected, { atol: 1e-12 });
        expect(wasm.stats().residentBytes).toBeLessThanOrEqual(3 * 100 * 40 * 8);
      }
    } finally {
      await wasm.dispose();
    }
  });

  it("does not keep arrays used once per call (the per-iteration weights and gradients)", async () => {
    const wasm = await createWasmBackend({ threads: 1, residentMinBytes: 1024 });
    try {
      const X = randomMatrix(next, 100, 40);
      for (let i = 0; i < 4; i++)
        kernels(wasm).scalar(
          "multiply",
          kernels(wasm).matmul(randomMatrix(next, 3, 100), X, false, false),
          2,
          false,
        );
      // Only X (a packed copy) is resident; each fresh W passed through.
      expect(wasm.stats().residentArrays).toBe(1);
      // Between calls the heap holds nothing but resident copies.
      expect(wasm.stats().heapUsed).toBe(wasm.stats().residentBytes);
    } finally {
      await wasm.dispose();
    }
  });
});

describe("lifecycle", () => {
  it("rejects a bad thread count and refuses work after dispose", async () => {
    await expect(createWasmBackend({ threads: 0 })).rejects.toThrow(
      "threads must be an integer from 1 to 64",
    );
    const wasm = await createWasmBackend({ threads: 2 });
    await wasm.dispose();
    await wasm.dispose();
    const big = randomMatrix(next, 64, 64);
    expect(() => kernels(wasm).matmul(big, big, false, false)).toThrow("disposed");
  });
});

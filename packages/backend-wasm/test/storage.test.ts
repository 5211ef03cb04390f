import {
  axpby,
  createRecycler,
  type Matrix,
  matmul,
  matmulDivide,
  RECYCLE_MIN_LENGTH,
  toBackend,
} from "@stepwise/tensor";
import { beforeAll, describe, expect, it } from "vitest";
import { createWasmBackend } from "../src/index.js";
import { ensureKernels, generator, randomMatrix } from "./helpers.js";

beforeAll(ensureKernels, 180_000);

/** The course's update with the cat model's roles, small: W ← W − lr·(dZ·Xᵀ / m), then Z = W·X. */
const step = (X: Matrix, dZ: Matrix) => (W: Matrix) => {
  const next = axpby(1, W, -0.01, matmulDivide(dZ, X, X.cols, { transposeB: true }));
  return { W: next, Z: matmul(next, X) };
};

describe("results in wasm memory (Backend.allocate) inside a recycler's step", () => {
  it("gives the same bits as copied-out results, keeps nothing resident, and reuses its arrays", async () => {
    const wasm = await createWasmBackend({ threads: 2, residentMinBytes: 1024 });
    try {
      const next = generator(11);
      // W and Z are above the recycling size, so each new one lives in wasm memory; X is the constant input.
      const n = 2 * RECYCLE_MIN_LENGTH;
      const X = randomMatrix(next, n, 200);
      const dZ = randomMatrix(next, 8, 200);
      const W0 = randomMatrix(next, 8, n);
      const recycler = createRecycler(wasm);
      // The copying loop computes on the backend itself, the recycling one on the recycler's view of it.
      const update = step(toBackend(X, wasm), toBackend(dZ, wasm));
      const updateInPlace = step(toBackend(X, recycler.backend), toBackend(dZ, recycler.backend));
      let copied = { W: toBackend(W0, wasm), Z: W0 };
      let inPlace = { W: toBackend(W0, recycler.backend), Z: W0 };
      const seenW = new Set<Float64Array>();
      for (let i = 0; i < 6; i++) {
        copied = update(copied.W);
        inPlace = recycler.step(
          () => updateInPlace(inPlace.W),
          (s) => s.W,
        );
        seenW.add(inPlace.W.data);
        expect(inPlace.W.data).toEqual(copied.W.data);
        expect(inPlace.Z.data).toEqual(copied.Z.data);
      }
      expect(recycler.owns(inPlace.W.data)).toBe(true);
      expect(recycler.owns(inPlace.Z.data)).toBe(true);
      expect(recycler.owns(copied.W.data)).toBe(false);
      expect(copied.W.backend).toBe(wasm);
      // Two arrays take turns as W (and one as dW): no new storage after the first steps.
      expect(seenW.size).toBeLessThanOrEqual(3);
      // Kept resident: X (seen every step) and W0 (seen by both loops), never a recycled W, which
      // each loop reads again and again in later steps.
      expect(wasm.stats().residentArrays).toBe(2);
    } finally {
      await wasm.dispose();
    }
  });
});

import {
  axpby,
  createRecycler,
  isRecycled,
  type Matrix,
  matmul,
  matmulDivide,
  RECYCLE_MIN_LENGTH,
  withBackend,
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
      const update = step(X, dZ);
      const recycler = createRecycler();
      let copied = { W: W0, Z: W0 };
      let inPlace = { W: W0, Z: W0 };
      const seenW = new Set<Float64Array>();
      withBackend(wasm, () => {
        for (let i = 0; i < 6; i++) {
          copied = update(copied.W);
          inPlace = recycler.step(
            () => update(inPlace.W),
            (s) => s.W,
          );
          seenW.add(inPlace.W.data);
          expect(inPlace.W.data).toEqual(copied.W.data);
          expect(inPlace.Z.data).toEqual(copied.Z.data);
        }
      });
      expect(isRecycled(inPlace.W.data)).toBe(true);
      expect(isRecycled(inPlace.Z.data)).toBe(true);
      expect(isRecycled(copied.W.data)).toBe(false);
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

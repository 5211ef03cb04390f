import { equals, jsBackend, type Matrix, transpose, unsafeMatrix } from "@stepwise/tensor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWasmBackend, type WasmBackend } from "../src/index.js";
import { ensureKernels, expectParity, generator, kernels, randomMatrix } from "./helpers.js";

// A product whose op(A) is mostly exact zeros (ReLU's dZ1) skips them when B is a resident, finite
// input (assembly/sparse.ts). The bits must be the dense kernel's: compared with a backend told not to
// skip (skipZeros: false), and with the js reference where it sums in the same order.
let sparse: WasmBackend;
let dense: WasmBackend;
beforeAll(async () => {
  ensureKernels();
  sparse = await createWasmBackend({ threads: 2, residentMinBytes: 1024 });
  dense = await createWasmBackend({ threads: 2, residentMinBytes: 1024, skipZeros: false });
}, 180_000);
afterAll(() => Promise.all([sparse.dispose(), dense.dispose()]));

const next = generator(41);

/**
 * A random m × k matrix shaped like ReLU's dZ1: a share `columns` of its columns entirely zero (examples
 * with no gradient left), and a share `entries` of the other entries zero too; half of all zeros are −0.
 */
const withZeros = (m: number, k: number, columns: number, entries: number): Matrix => {
  const dead = Array.from({ length: k }, () => next() < columns);
  const a = randomMatrix(next, m, k);
  return unsafeMatrix(
    m,
    k,
    a.data.map((x, i) => {
      const u = next();
      return dead[i % k] === true || u < entries ? (u < 0.5 ? 0 : -0) : x;
    }),
  );
};

/** Runs the product twice on `sparse` (the first call makes B resident) and returns the second. */
const twice = (f: (w: WasmBackend) => Matrix): Matrix => {
  f(sparse);
  return f(sparse);
};

describe("skipping op(A)'s zeros", () => {
  // [m, k, n, dead columns, other zeros]: the cat model's dZ1·Xᵀ shape (smaller n), rows past MC (64)
  // and rows left over from the groups of four (2, 1, 3), k past a k-block, n not a multiple of 4 nor
  // of 16, and all zeros.
  const cases: ReadonlyArray<readonly [number, number, number, number, number]> = [
    [20, 209, 3001, 0.6, 0.3],
    [70, 300, 1030, 0.4, 0.5],
    [5, 129, 2050, 0.5, 0.9],
    [7, 300, 517, 0.5, 0.5],
    [20, 209, 1600, 1, 0],
  ];
  for (const transposeA of [false, true])
    it.each(cases)(
      `${transposeA ? "Aᵀ" : "A"}·Bᵀ, m, k, n = %i, %i, %i, %f of columns and %f of the rest zero: dense bits`,
      (m, k, n, columns, entries) => {
        // op(A) is A; stored transposed when op transposes it.
        const A = withZeros(m, k, columns, entries);
        const stored = transposeA ? transpose(A) : A;
        const b = randomMatrix(next, n, k);
        const before = sparse.stats().sparseProducts;
        const got = twice((w) => kernels(w).matmulDivide(stored, b, transposeA, true, 209));
        expect(sparse.stats().sparseProducts).toBeGreaterThan(before);
        const want = kernels(dense).matmulDivide(stored, b, transposeA, true, 209);
        expect(dense.stats().sparseProducts).toBe(0);
        expect(equals(got, want)).toBe(true);
        if (!sparse.fusedMultiplyAdd)
          // Aᵀ·Bᵀ: the js reference groups its sums differently; near cancellation only atol holds.
          expectParity(got, kernels(jsBackend).matmulDivide(stored, b, transposeA, true, 209), {
            atol: 4 * k * k * Number.EPSILON,
            exact: !transposeA,
          });
      },
    );

  it("keeps the dense kernel when B is not finite: 0·∞ is NaN", () => {
    const a = withZeros(20, 209, 0.6, 0.3);
    const b = randomMatrix(next, 2000, 209);
    b.data[5 * 209 + 7] = Number.POSITIVE_INFINITY;
    const before = sparse.stats().sparseProducts;
    const got = twice((w) => kernels(w).matmul(a, b, false, true));
    expect(sparse.stats().sparseProducts).toBe(before);
    expectParity(got, kernels(dense).matmul(a, b, false, true), { exact: true });
    expect(got.data.some(Number.isNaN)).toBe(true);
  });

  it("keeps the dense kernel past SPARSE_MAX_K steps (1024), where its scratch would grow too large", () => {
    const before = sparse.stats().sparseProducts;
    const a = withZeros(8, 1100, 0.8, 0.5);
    const b = randomMatrix(next, 300, 1100);
    const got = twice((w) => kernels(w).matmul(a, b, false, true));
    expect(sparse.stats().sparseProducts).toBe(before);
    expect(equals(got, kernels(dense).matmul(a, b, false, true))).toBe(true);
  });

  it("keeps the dense kernel for a mostly nonzero A", () => {
    const before = sparse.stats().sparseProducts;
    twice((w) => kernels(w).matmul(withZeros(20, 209, 0.1, 0.4), randomMatrix(next, 2000, 209), false, true));
    expect(sparse.stats().sparseProducts).toBe(before);
  });
});

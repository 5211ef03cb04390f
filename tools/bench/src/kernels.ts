import {
  type Backend,
  createRecycler,
  type Matrix,
  matmul,
  matmulTransposeB,
  toBackend,
  unsafeMatrix,
} from "@stepwise/tensor";

/**
 * The cat model's two hot products: W1·X in the forward pass, dZ1·Xᵀ for dW1; the second also with 75 %
 * of dZ1's columns (examples) all zero, as ReLU leaves it for much of the run (the wasm backend then
 * skips them).
 */
export const CAT_PRODUCTS = [
  { name: "W1·X", shape: "(20, 12288)·(12288, 209)", transposeB: false, zeros: 0 },
  { name: "dZ1·Xᵀ", shape: "(20, 209)·(12288, 209)ᵀ", transposeB: true, zeros: 0 },
  {
    name: "dZ1·Xᵀ, 75 % of dZ1's columns zero",
    shape: "(20, 209)·(12288, 209)ᵀ",
    transposeB: true,
    zeros: 0.75,
  },
] as const;

export const CAT_FLOPS = 2 * 20 * 12288 * 209;

/** Uniform in [0, 1), with a share `zeros` of the columns all zero, spread evenly. */
const random = (rows: number, cols: number, seed: number, zeros = 0): Matrix => {
  let s = seed;
  return unsafeMatrix(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, (_, i) => {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = i % cols;
      return Math.floor((j + 1) * zeros) > Math.floor(j * zeros) ? 0 : s / 2147483648;
    }),
  );
};

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/**
 * GFLOP/s of each cat product on `backend` (dense flops, also for the row that skips zeros): median of
 * `reps` timed calls after two warm-up calls, each in a recycler's step as in a training loop, so the
 * 2 MB result reuses storage instead of costing fresh pages.
 */
export const kernelRates = (backend: Backend, reps: number): ReadonlyArray<number> => {
  const recycler = createRecycler(backend);
  const X = toBackend(random(12288, 209, 1), recycler.backend);
  const W1 = toBackend(random(20, 12288, 2), recycler.backend);
  return CAT_PRODUCTS.map(({ transposeB, zeros }) => {
    const a = transposeB ? toBackend(random(20, 209, 3, zeros), recycler.backend) : W1;
    const f = (): Matrix =>
      recycler.step(
        () => (transposeB ? matmulTransposeB(a, X) : matmul(a, X)),
        () => undefined,
      );
    f();
    f();
    const times = Array.from({ length: reps }, () => {
      const start = performance.now();
      f();
      return (performance.now() - start) / 1000;
    });
    return CAT_FLOPS / median(times) / 1e9;
  });
};

export { median };

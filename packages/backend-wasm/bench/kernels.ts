import { type Backend, type Matrix, unsafeMatrix } from "@stepwise/tensor";

/** The cat model's two hot products: W1·X in the forward pass, dZ1·Xᵀ for dW1. */
export const CAT_PRODUCTS = [
  { name: "W1·X", shape: "(20, 12288)·(12288, 209)", transposeB: false },
  { name: "dZ1·Xᵀ", shape: "(20, 209)·(12288, 209)ᵀ", transposeB: true },
] as const;

export const CAT_FLOPS = 2 * 20 * 12288 * 209;

const random = (rows: number, cols: number, seed: number): Matrix => {
  let s = seed;
  return unsafeMatrix(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    }),
  );
};

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** GFLOP/s of each cat product on `backend`: median of `reps` timed calls after two warm-up calls. */
export const kernelRates = (backend: Backend, reps: number): ReadonlyArray<number> => {
  const X = random(12288, 209, 1);
  const W1 = random(20, 12288, 2);
  const dZ1 = random(20, 209, 3);
  return CAT_PRODUCTS.map(({ transposeB }) => {
    const a = transposeB ? dZ1 : W1;
    const f = (): Matrix => backend.matmul(a, X, false, transposeB);
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

import { getBackend } from "./active-backend.js";
import { raise, shapeError } from "./errors.js";
import { formatShape, type Matrix } from "./matrix.js";

const checkInner = (fn: string, a: Matrix, b: Matrix, transposeA: boolean, transposeB: boolean): void => {
  const inner = transposeA ? a.rows : a.cols;
  const other = transposeB ? b.cols : b.rows;
  if (inner !== other)
    raise(
      shapeError(
        `${fn}: ${formatShape(a)}${transposeA ? "ᵀ" : ""} · ${formatShape(b)}${transposeB ? "ᵀ" : ""}: inner dimensions differ (${inner} vs ${other})`,
      ),
    );
};

const product =
  (fn: string, transposeA: boolean, transposeB: boolean) =>
  (a: Matrix, b: Matrix): Matrix => {
    checkInner(fn, a, b, transposeA, transposeB);
    return getBackend().matmul(a, b, transposeA, transposeB);
  };

export interface ProductOptions {
  readonly transposeA?: boolean;
  readonly transposeB?: boolean;
}

/**
 * `op(A)·op(B) / divisor` in one pass, bit for bit `divide(matmul…(A, B), divisor)`: the course's
 * `dW = np.dot(dZ, A_prev.T) / m` is `matmulDivide(dZ, A_prev, m, { transposeB: true })`.
 */
export const matmulDivide = (
  a: Matrix,
  b: Matrix,
  divisor: number,
  { transposeA = false, transposeB = false }: ProductOptions = {},
): Matrix => {
  checkInner("matmulDivide", a, b, transposeA, transposeB);
  return getBackend().matmulDivide(a, b, transposeA, transposeB, divisor);
};

/** `A·B`, numpy's `np.dot(A, B)`. */
export const matmul = product("matmul", false, false);

/** `Aᵀ·B` without materializing `Aᵀ` (the course's `np.dot(W.T, dZ)`). */
export const matmulTransposeA = product("matmulTransposeA", true, false);

/** `A·Bᵀ` without materializing `Bᵀ` (the course's `np.dot(dZ, A_prev.T)`). */
export const matmulTransposeB = product("matmulTransposeB", false, true);

/** `Aᵀ·Bᵀ`. */
export const matmulTransposeBoth = product("matmulTransposeBoth", true, true);

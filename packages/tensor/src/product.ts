import type { Backend } from "./backend.js";
import { raise, shapeError } from "./errors.js";
import { formatShape, type Matrix, type Shape } from "./matrix.js";
import { computeOn, sharedBackend } from "./placement.js";

/** The shape of op(a)·op(b) once the inner dimensions are checked, and the backend both are on. */
const checkProduct = (
  fn: string,
  a: Matrix,
  b: Matrix,
  transposeA: boolean,
  transposeB: boolean,
): readonly [Backend, Shape] => {
  const inner = transposeA ? a.rows : a.cols;
  const other = transposeB ? b.cols : b.rows;
  if (inner !== other)
    raise(
      shapeError(
        `${fn}: ${formatShape(a)}${transposeA ? "ᵀ" : ""} · ${formatShape(b)}${transposeB ? "ᵀ" : ""}: inner dimensions differ (${inner} vs ${other})`,
      ),
    );
  return [sharedBackend(fn, a, b), [transposeA ? a.cols : a.rows, transposeB ? b.rows : b.cols]];
};

const product =
  (fn: string, transposeA: boolean, transposeB: boolean) =>
  (a: Matrix, b: Matrix): Matrix => {
    const [backend, result] = checkProduct(fn, a, b, transposeA, transposeB);
    return computeOn(backend, result, (out) => backend.matmul(a, b, transposeA, transposeB, out));
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
  const [backend, result] = checkProduct("matmulDivide", a, b, transposeA, transposeB);
  return computeOn(backend, result, (out) =>
    backend.matmulDivide(a, b, transposeA, transposeB, divisor, out),
  );
};

/** `A·B`, numpy's `np.dot(A, B)`. */
export const matmul = product("matmul", false, false);

/** `Aᵀ·B` without materializing `Aᵀ` (the course's `np.dot(W.T, dZ)`). */
export const matmulTransposeA = product("matmulTransposeA", true, false);

/** `A·Bᵀ` without materializing `Bᵀ` (the course's `np.dot(dZ, A_prev.T)`). */
export const matmulTransposeB = product("matmulTransposeB", false, true);

/** `Aᵀ·Bᵀ`. */
export const matmulTransposeBoth = product("matmulTransposeBoth", true, true);

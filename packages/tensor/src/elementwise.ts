import type { BinaryOp, UnaryOp } from "./backend.js";
import { raise, shapeError } from "./errors.js";
import { formatShape, type Matrix, type Shape, shape } from "./matrix.js";
import { computeOn, sharedBackend } from "./placement.js";

/** numpy broadcasting for two matrices: each dimension must agree or be 1. */
export const broadcastShape = (fn: string, a: Matrix, b: Matrix): Shape => {
  const dim = (x: number, y: number): number => (x === y || y === 1 ? x : x === 1 ? y : -1);
  const rows = dim(a.rows, b.rows);
  const cols = dim(a.cols, b.cols);
  return rows < 0 || cols < 0
    ? raise(
        shapeError(
          `${fn}: ${formatShape(a)} and ${formatShape(b)} do not broadcast: each dimension must be equal or 1`,
        ),
      )
    : [rows, cols];
};

/** A binary op on matrices or a matrix and a number, in either order: `subtract(1, Y)` is `1 - Y`. */
export interface BinaryFunction {
  (a: Matrix, b: Matrix | number): Matrix;
  (a: number, b: Matrix): Matrix;
}

/** Runs on the matrix operand's backend (both operands' backend, which must be one). */
const lift =
  (op: BinaryOp): BinaryFunction =>
  (a: Matrix | number, b: Matrix | number): Matrix => {
    if (typeof a === "number") {
      const m = b as Matrix;
      return computeOn(m.backend, shape(m), (out) => m.backend.scalar(op, m, a, true, out));
    }
    if (typeof b === "number")
      return computeOn(a.backend, shape(a), (out) => a.backend.scalar(op, a, b, false, out));
    const backend = sharedBackend(op, a, b);
    const result = broadcastShape(op, a, b);
    return computeOn(backend, result, (out) => backend.binary(op, a, b, result, out));
  };

export const add = lift("add");
export const subtract = lift("subtract");
export const multiply = lift("multiply");
export const divide = lift("divide");
/** Elementwise maximum, e.g. `maximum(Z, 0)` is ReLU. NaN propagates, as in numpy. */
export const maximum = lift("maximum");
export const minimum = lift("minimum");

/** Comparisons give masks: 1 where true, 0 where false (numpy's booleans used as numbers). */
export const greater = lift("greater");
export const greaterEqual = lift("greaterEqual");
export const less = lift("less");
export const lessEqual = lift("lessEqual");
export const equal = lift("equal");

const liftUnary =
  (op: UnaryOp) =>
  (a: Matrix): Matrix =>
    computeOn(a.backend, shape(a), (out) => a.backend.unary(op, a, out));

export const negate = liftUnary("negate");
export const exp = liftUnary("exp");
export const log = liftUnary("log");
export const log1p = liftUnary("log1p");
export const sqrt = liftUnary("sqrt");
export const abs = liftUnary("abs");
export const square = liftUnary("square");
export const tanh = liftUnary("tanh");
export const reciprocal = liftUnary("reciprocal");

/**
 * `alpha·A + beta·B` for two matrices of one shape, in one pass: bit for bit
 * `add(multiply(alpha, A), multiply(beta, B))`. A gradient-descent step `W − lr·dW` is
 * `axpby(1, W, -lr, dW)` (1·W is W, and adding −x is subtracting x, exactly).
 */
export const axpby = (alpha: number, a: Matrix, beta: number, b: Matrix): Matrix => {
  if (a.rows !== b.rows || a.cols !== b.cols)
    raise(shapeError(`axpby: ${formatShape(a)} and ${formatShape(b)} differ; axpby needs equal shapes`));
  const backend = sharedBackend("axpby", a, b);
  return computeOn(backend, shape(a), (out) => backend.axpby(alpha, a, beta, b, out));
};

/** `min(max(a, low), high)`. */
export const clip = (a: Matrix, low: number, high: number): Matrix => minimum(maximum(a, low), high);

/** Applies `f` to every element (in plain JS, on any backend; the result stays on `a`'s). */
export const map = (a: Matrix, f: (x: number, i: number, j: number) => number): Matrix =>
  computeOn(a.backend, shape(a), (out) => {
    for (let i = 0; i < a.rows; i++)
      for (let j = 0; j < a.cols; j++) out[i * a.cols + j] = f(a.data[i * a.cols + j] as number, i, j);
  });

/** Combines two same-shaped matrices element by element with `f` (in plain JS, on their backend). */
export const zipWith = (a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix => {
  if (a.rows !== b.rows || a.cols !== b.cols)
    raise(shapeError(`zipWith: ${formatShape(a)} and ${formatShape(b)} differ; zipWith needs equal shapes`));
  return computeOn(sharedBackend("zipWith", a, b), shape(a), (out) => {
    for (let i = 0; i < out.length; i++) out[i] = f(a.data[i] as number, b.data[i] as number);
  });
};

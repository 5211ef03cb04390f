import type { Axis, ReduceOp } from "./backend.js";
import { raise, shapeError } from "./errors.js";
import { formatShape, type Matrix, shape } from "./matrix.js";
import { computeOn } from "./placement.js";

const scalarOf = (m: Matrix): number => m.data[0] as number;

/** A reduction on `a`'s backend: (1, 1) over everything, else numpy's keepdims shape. */
const reduceOn = (op: ReduceOp, a: Matrix, axis: Axis | "all"): Matrix =>
  computeOn(a.backend, axis === "all" ? [1, 1] : axis === 1 ? [a.rows, 1] : [1, a.cols], (out) =>
    a.backend.reduce(op, a, axis, out),
  );

const nonEmpty = (fn: string, a: Matrix): Matrix =>
  a.data.length === 0 ? raise(shapeError(`${fn}: ${formatShape(a)} is empty`)) : a;

/** Sum of every element. */
export const sumAll = (a: Matrix): number => scalarOf(reduceOn("sum", a, "all"));

/** numpy's `np.sum(a, axis, keepdims=True)`: axis 1 gives (rows, 1), as `db = Σ dZ / m` needs. */
export const sumAxis = (a: Matrix, axis: Axis): Matrix => reduceOn("sum", a, axis);

export const meanAll = (a: Matrix): number => sumAll(nonEmpty("meanAll", a)) / a.data.length;

export const meanAxis = (a: Matrix, axis: Axis): Matrix => {
  const summed = sumAxis(nonEmpty("meanAxis", a), axis);
  const n = axis === 0 ? a.rows : a.cols;
  return computeOn(a.backend, shape(summed), (out) => a.backend.scalar("divide", summed, n, false, out));
};

export const maxAll = (a: Matrix): number => scalarOf(reduceOn("max", nonEmpty("maxAll", a), "all"));
export const maxAxis = (a: Matrix, axis: Axis): Matrix => reduceOn("max", nonEmpty("maxAxis", a), axis);
export const minAll = (a: Matrix): number => scalarOf(reduceOn("min", nonEmpty("minAll", a), "all"));
export const minAxis = (a: Matrix, axis: Axis): Matrix => reduceOn("min", nonEmpty("minAxis", a), axis);

/** Sum of squares of every element, ‖A‖²_F (the L2 penalty's `np.sum(np.square(W))`). */
export const sumOfSquares = (a: Matrix): number =>
  sumAll(computeOn(a.backend, shape(a), (out) => a.backend.unary("square", a, out)));

/** Row index of the largest value in each column (the first one on ties, like numpy). */
export const argmaxPerColumn = (a: Matrix): ReadonlyArray<number> => {
  nonEmpty("argmaxPerColumn", a);
  return Array.from({ length: a.cols }, (_, j) => {
    let best = 0;
    for (let i = 1; i < a.rows; i++)
      if ((a.data[i * a.cols + j] as number) > (a.data[best * a.cols + j] as number)) best = i;
    return best;
  });
};

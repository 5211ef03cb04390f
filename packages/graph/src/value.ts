import {
  add,
  formatShape,
  type Matrix,
  multiply,
  raise,
  shapeError,
  sumAll,
  sumAxis,
} from "@stepwise/tensor";

/**
 * What flows along an edge of a computational graph: a plain number (the apple example) or a Matrix
 * (the layer nodes). Numbers and matrices mix with numpy's broadcasting: a number stretches over a
 * matrix, and a matrix dimension of 1 stretches over the other side's.
 */
export type Value = number | Matrix;

/** The result of combining two values: a number for two numbers, a Matrix as soon as one side is one. */
export type Combined<X extends Value, Y extends Value> = X extends number
  ? Y extends number
    ? number
    : Matrix
  : Matrix;

/** A value's kind without literal types: `Widen<100>` is `number`. A gradient has its input's kind. */
export type Widen<X extends Value> = X extends number ? number : Matrix;

/** `x · y` (elementwise for matrices, with broadcasting). */
export const times = (x: Value, y: Value): Value =>
  typeof x === "number" ? (typeof y === "number" ? x * y : multiply(x, y)) : multiply(x, y);

/** `x + y` (elementwise for matrices, with broadcasting). */
export const plus = (x: Value, y: Value): Value =>
  typeof x === "number" ? (typeof y === "number" ? x + y : add(x, y)) : add(x, y);

/**
 * Sums a gradient back down to the shape of the input it belongs to: where the forward pass broadcast an
 * input (a number over a matrix, a (1, n) row over the batch, an (m, 1) column over the columns), the
 * backward pass adds up the copies' gradients. Shapes that already agree pass through untouched.
 */
export const unbroadcast = (grad: Value, like: Value): Value => {
  if (typeof like === "number") return typeof grad === "number" ? grad : sumAll(grad);
  if (typeof grad === "number")
    return raise(
      shapeError(
        `unbroadcast: the gradient is a number but its input is ${formatShape(like)}; pass a matrix gradient`,
      ),
    );
  const rowsSummed = like.rows === 1 && grad.rows !== 1 ? sumAxis(grad, 0) : grad;
  const summed = like.cols === 1 && rowsSummed.cols !== 1 ? sumAxis(rowsSummed, 1) : rowsSummed;
  return summed.rows === like.rows && summed.cols === like.cols
    ? summed
    : raise(
        shapeError(
          `unbroadcast: a ${formatShape(grad)} gradient does not reduce to its input's ${formatShape(like)}`,
        ),
      );
};

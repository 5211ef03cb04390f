import {
  formatShape,
  invalidArgument,
  type Matrix,
  raise,
  sameShape,
  shapeError,
  unsafeMatrix,
} from "@stepwise/tensor";

/** A central-difference gradient with a bound on its floating-point round-off, element by element. */
export interface FiniteDifferenceEstimate {
  readonly gradient: Matrix;
  /** How far round-off alone may move each element; a comparison tolerance should include it. */
  readonly roundoff: Matrix;
}

// Ulps of slack for evaluating the function twice; the number of summed terms is added on top.
const EVALUATION_ULPS = 16;

const checkEpsilon = (fn: string, epsilon: number): void => {
  if (!(Number.isFinite(epsilon) && epsilon > 0))
    raise(invalidArgument(`${fn}: epsilon must be a positive finite number, got ${epsilon}`));
};

/** x ± ε for element i, and the step actually taken: dividing by it removes the rounding of x ± ε. */
const step = (fn: string, x: Matrix, i: number, epsilon: number) => {
  const xi = x.data[i] as number;
  const up = xi + epsilon;
  const down = xi - epsilon;
  const h = up - down;
  if (!(h > 0 && Number.isFinite(h)))
    raise(
      invalidArgument(
        `${fn}: x[${i}] = ${xi} ± ${epsilon} does not move in float64; use an epsilon larger than ${xi * Number.EPSILON}`,
      ),
    );
  return { up, down, h };
};

/** A fresh copy of x with element i replaced, so f can neither see nor spoil the other evaluation. */
const withElement = (x: Matrix, i: number, value: number): Matrix => {
  const data = x.data.slice();
  data[i] = value;
  return unsafeMatrix(x.rows, x.cols, data);
};

/** `finiteDifferenceGradient` plus the round-off bound the testkit's tolerances use. */
export const finiteDifferenceEstimate = (
  f: (x: Matrix) => number,
  x: Matrix,
  epsilon = 1e-6,
): FiniteDifferenceEstimate => {
  checkEpsilon("finiteDifferenceGradient", epsilon);
  const n = x.data.length;
  const gradient = new Float64Array(n);
  const roundoff = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { up, down, h } = step("finiteDifferenceGradient", x, i, epsilon);
    const fUp = f(withElement(x, i, up));
    const fDown = f(withElement(x, i, down));
    gradient[i] = (fUp - fDown) / h;
    // f is typically a sum over x's n elements; each addition may round.
    roundoff[i] = ((n + EVALUATION_ULPS) * Number.EPSILON * Math.max(Math.abs(fUp), Math.abs(fDown))) / h;
  }
  return {
    gradient: unsafeMatrix(x.rows, x.cols, gradient),
    roundoff: unsafeMatrix(x.rows, x.cols, roundoff),
  };
};

/**
 * Central differences of a scalar function: element (i, j) is `(f(x + εe_ij) − f(x − εe_ij)) / 2ε`, the
 * course's `gradapprox`. Never modifies x; f gets a fresh copy for every evaluation (2·size calls).
 */
export const finiteDifferenceGradient = (f: (x: Matrix) => number, x: Matrix, epsilon = 1e-6): Matrix =>
  finiteDifferenceEstimate(f, x, epsilon).gradient;

/** `finiteDifferenceVjp` plus the round-off bound the testkit's tolerances use. */
export const finiteDifferenceVjpEstimate = (
  g: (x: Matrix) => Matrix,
  x: Matrix,
  v: Matrix,
  epsilon = 1e-6,
): FiniteDifferenceEstimate => {
  checkEpsilon("finiteDifferenceVjp", epsilon);
  const n = x.data.length;
  const gradient = new Float64Array(n);
  const roundoff = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { up, down, h } = step("finiteDifferenceVjp", x, i, epsilon);
    const gUp = g(withElement(x, i, up));
    const gDown = g(withElement(x, i, down));
    if (!sameShape(gUp, v) || !sameShape(gDown, v))
      raise(
        shapeError(
          `finiteDifferenceVjp: g returned ${formatShape(gUp)} for an input of shape ${formatShape(x)}, but v is ${formatShape(v)}; g's output and v must have the same shape`,
        ),
      );
    // Differencing outputs before weighting keeps untouched outputs at exactly 0, unlike differencing Σ v⊙g.
    let sum = 0;
    let scale = 0;
    for (let k = 0; k < v.data.length; k++) {
      const vk = v.data[k] as number;
      const a = gUp.data[k] as number;
      const b = gDown.data[k] as number;
      sum += vk * (a - b);
      scale += Math.abs(vk) * Math.max(Math.abs(a), Math.abs(b));
    }
    gradient[i] = sum / h;
    // Outputs coupled along a column (softmax) accumulate about one rounding per row.
    roundoff[i] = ((x.rows + EVALUATION_ULPS) * Number.EPSILON * scale) / h;
  }
  return {
    gradient: unsafeMatrix(x.rows, x.cols, gradient),
    roundoff: unsafeMatrix(x.rows, x.cols, roundoff),
  };
};

/**
 * Central differences of `Σ v ⊙ g(x)` with respect to x: what `backward(v, cache)` should return for
 * `forward = g`. Differences g's outputs before weighting them by v, so the estimate stays accurate when g
 * is a whole-matrix function (softmax) and v mixes large and small entries.
 */
export const finiteDifferenceVjp = (g: (x: Matrix) => Matrix, x: Matrix, v: Matrix, epsilon = 1e-6): Matrix =>
  finiteDifferenceVjpEstimate(g, x, v, epsilon).gradient;

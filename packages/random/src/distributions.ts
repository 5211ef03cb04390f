import { invalidArgument, type Matrix, toException, unsafeMatrix } from "@stepwise/tensor";
import type { Random } from "./state.js";
import { draw, nextBounded, nextDouble, nextGauss, requireSize, type Stream } from "./stream.js";

const fill = (length: number, next: (s: Stream) => number, s: Stream): Float64Array => {
  const data = new Float64Array(length);
  for (let i = 0; i < length; i++) data[i] = next(s);
  return data;
};

const matrixOf =
  (fn: string, next: (s: Stream) => number) =>
  (rows: number, cols: number): Random<Matrix> => {
    requireSize(fn, "rows and cols", rows, cols);
    return draw((s) => unsafeMatrix(rows, cols, fill(rows * cols, next, s)));
  };

const arrayOf =
  (fn: string, next: (s: Stream) => number) =>
  (n: number): Random<ReadonlyArray<number>> => {
    requireSize(fn, "n", n);
    return draw((s) => Array.from(fill(n, next, s)));
  };

/** `np.random.rand(rows, cols)`: uniform doubles in [0, 1), filled row by row. */
export const rand: (rows: number, cols: number) => Random<Matrix> = matrixOf("rand", nextDouble);

/** `np.random.randn(rows, cols)`: standard normals (legacy polar Box–Muller), filled row by row. */
export const randn: (rows: number, cols: number) => Random<Matrix> = matrixOf("randn", nextGauss);

/** `np.random.random_sample(n)`: the same stream as `rand`, as a flat array. */
export const randomSample: (n: number) => Random<ReadonlyArray<number>> = arrayOf("randomSample", nextDouble);

/** `np.random.standard_normal(n)`: the same stream as `randn`, as a flat array. */
export const standardNormal: (n: number) => Random<ReadonlyArray<number>> = arrayOf(
  "standardNormal",
  nextGauss,
);

/**
 * `np.random.normal(loc, scale, (rows, cols))`: numpy's `legacy_normal`, `loc + scale · gauss`, on the
 * same gaussian stream as `randn` (the cached second value included), filled row by row. As in numpy,
 * `scale` must be ≥ 0 (−0 included: numpy's check is on the sign bit); `loc` and `scale` must be finite.
 */
export const normal = (loc: number, scale: number, rows: number, cols: number): Random<Matrix> => {
  requireSize("normal", "rows and cols", rows, cols);
  if (!(Number.isFinite(loc) && Number.isFinite(scale) && scale >= 0 && !Object.is(scale, -0)))
    throw toException(
      invalidArgument(
        `normal: loc must be finite and scale a finite number ≥ 0 (the standard deviation), got loc = ${loc}, scale = ${Object.is(scale, -0) ? "-0" : scale}`,
      ),
    );
  return draw((s) =>
    unsafeMatrix(
      rows,
      cols,
      fill(rows * cols, (t) => loc + scale * nextGauss(t), s),
    ),
  );
};

/**
 * `np.random.uniform(low, high, (rows, cols))`: `low + (high - low) · u`. As in numpy, `low > high` is
 * allowed (the interval is then (high, low]); a non-finite `high - low` is not.
 */
export const uniform = (low: number, high: number, rows: number, cols: number): Random<Matrix> => {
  requireSize("uniform", "rows and cols", rows, cols);
  const range = high - low;
  if (!Number.isFinite(range))
    throw toException(
      invalidArgument(`uniform: high - low must be finite, got low = ${low}, high = ${high}`),
    );
  return draw((s) =>
    unsafeMatrix(
      rows,
      cols,
      fill(rows * cols, (t) => low + range * nextDouble(t), s),
    ),
  );
};

/**
 * `np.random.randint(low, high, size=count)` with the default int64 dtype: integers in low..high-1.
 * Legacy numpy draws by masked rejection (32-bit words when high - low - 1 fits in 32 bits).
 * `low` and `high` must be safe integers with low < high and high - low a safe integer.
 */
export const randint = (low: number, high: number, count: number): Random<ReadonlyArray<number>> => {
  requireSize("randint", "count", count);
  if (!(Number.isSafeInteger(low) && Number.isSafeInteger(high)))
    throw toException(
      invalidArgument(
        `randint: low and high must be integers within ±(2**53 - 1), got low = ${low}, high = ${high}`,
      ),
    );
  if (!(low < high))
    throw toException(
      invalidArgument(`randint: low must be < high (high is excluded), got low = ${low}, high = ${high}`),
    );
  const span = high - low;
  if (!Number.isSafeInteger(span))
    throw toException(
      invalidArgument(
        `randint: high - low must be at most 2**53 - 1, got low = ${low}, high = ${high} (span ${span})`,
      ),
    );
  const max = span - 1;
  return draw((s) => Array.from({ length: count }, () => low + nextBounded(s, max)));
};

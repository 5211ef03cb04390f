import {
  formatShape,
  fromArray,
  full,
  type Matrix,
  sameShape,
  scalarMatrix,
  type Tolerance,
  toArray,
} from "@stepwise/tensor";
import * as E from "fp-ts/lib/Either.js";
import { short } from "./format.js";

/** What `assertClose` accepts as the expected value: a matrix, nested rows as numpy prints them, or a number. */
export type Expected = Matrix | number | ReadonlyArray<ReadonlyArray<number>>;

interface Mismatch {
  readonly index: number;
  readonly actual: number;
  readonly expected: number;
  readonly difference: number;
  readonly tolerance: number;
}

/** Thrown errors named like node's and chai's, so vitest reports them as failed assertions. */
const assertionError = (message: string, extra: Readonly<Record<string, unknown>> = {}): Error =>
  Object.assign(new Error(message), { name: "AssertionError" }, extra);

const toMatrix = (value: Expected, like: Matrix, label: string): Matrix => {
  if (typeof value === "number") return full(like.rows, like.cols, value);
  if ("data" in value) return value;
  const parsed = fromArray(value, { allowNonFinite: true });
  if (E.isLeft(parsed))
    throw assertionError(`${label}: the expected value is not a matrix: ${parsed.left.message}`);
  return parsed.right;
};

const mismatches = (
  actual: Matrix,
  expected: Matrix,
  rtol: number,
  atol: number,
): ReadonlyArray<Mismatch> => {
  const found: Mismatch[] = [];
  for (let index = 0; index < actual.data.length; index++) {
    const a = actual.data[index] as number;
    const e = expected.data[index] as number;
    const difference = Math.abs(a - e);
    const tolerance = atol + rtol * Math.abs(e);
    // `a === e` lets equal infinities through; NaN is never close to anything.
    if (!(difference <= tolerance) && a !== e)
      found.push({ index, actual: a, expected: e, difference, tolerance });
  }
  return found;
};

/** The mismatch that overshoots its tolerance the most (NaN first: it is the worst news). */
const worstOf = (found: ReadonlyArray<Mismatch>): Mismatch | undefined =>
  found.reduce<Mismatch | undefined>((worst, m) => {
    if (worst === undefined) return m;
    const excess = (x: Mismatch): number =>
      Number.isNaN(x.difference)
        ? Number.POSITIVE_INFINITY
        : x.difference / Math.max(x.tolerance, Number.MIN_VALUE);
    return excess(m) > excess(worst) ? m : worst;
  }, undefined);

const describeMismatch = (
  label: string,
  m: Mismatch,
  shape: Matrix,
  count: number,
  rtol: number,
  atol: number,
): string => {
  const where =
    shape.rows * shape.cols === 1
      ? ""
      : ` element (${Math.floor(m.index / shape.cols)}, ${m.index % shape.cols}):`;
  const others = count > 1 ? `; ${count} of ${shape.data.length} elements differ, the worst is shown` : "";
  return `${label}:${where} actual ${m.actual}, expected ${m.expected}, |difference| ${short(m.difference)} > tolerance ${short(m.tolerance)} (atol ${short(atol)} + rtol ${short(rtol)}·|expected|)${others}`;
};

const check = (
  actual: Matrix | number,
  expected: Expected,
  { rtol = 1e-5, atol = 1e-8 }: Tolerance,
  label: string,
): { readonly actual: Matrix; readonly expected: Matrix; readonly message: string | undefined } => {
  const a = typeof actual === "number" ? scalarMatrix(actual) : actual;
  const e = toMatrix(expected, a, label);
  if (!sameShape(a, e))
    return {
      actual: a,
      expected: e,
      message: `${label}: actual is ${formatShape(a)} but expected is ${formatShape(e)}`,
    };
  const found = mismatches(a, e, rtol, atol);
  const worst = worstOf(found);
  return {
    actual: a,
    expected: e,
    message: worst === undefined ? undefined : describeMismatch(label, worst, a, found.length, rtol, atol),
  };
};

/**
 * Throws unless `actual` is close to `expected` everywhere, numpy's `isclose` rule:
 * `|actual - expected| ≤ atol + rtol·|expected|` (defaults rtol 1e-5, atol 1e-8; NaN is never close).
 * A number `expected` is compared with every element. The message names the element, both values, the
 * difference and the tolerance.
 */
export const assertClose = (
  actual: Matrix | number,
  expected: Expected,
  tolerance: Tolerance = {},
  label = "assertClose",
): void => {
  const { message } = check(actual, expected, tolerance, label);
  if (message !== undefined) throw assertionError(message);
};

/**
 * `assertClose` for matrices in a vitest test: the error also carries both matrices as nested rows, so the
 * reporter prints a side-by-side diff under the message.
 */
export const expectMatrixClose = (
  actual: Matrix,
  expected: Matrix | ReadonlyArray<ReadonlyArray<number>>,
  tolerance: Tolerance = {},
  label = "expectMatrixClose",
): void => {
  const result = check(actual, expected, tolerance, label);
  if (result.message !== undefined)
    throw assertionError(result.message, {
      actual: toArray(result.actual),
      expected: toArray(result.expected),
      showDiff: true,
    });
};

/**
 * Largest elementwise relative difference `|a - b| / max(|a|, |b|)` (0 where both are 0); Infinity when the
 * shapes differ, NaN when either holds NaN.
 */
export const maxRelativeDifference = (a: Matrix, b: Matrix): number => {
  if (!sameShape(a, b)) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i] as number;
    const y = b.data[i] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
    const scale = Math.max(Math.abs(x), Math.abs(y));
    if (x !== y)
      worst = Math.max(
        worst,
        scale === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.abs(x - y) / scale,
      );
  }
  return worst;
};

/**
 * `max |a − b| / max |b|`: the gap relative to the matrix's scale. Use it to compare two computations of
 * the same matrix by different but equally valid summation orders, where an element near zero makes the
 * elementwise relative difference meaningless.
 */
export const normRelativeDifference = (a: Matrix, b: Matrix): number => {
  if (!sameShape(a, b)) return Number.POSITIVE_INFINITY;
  let gap = 0;
  let scale = 0;
  for (let i = 0; i < a.data.length; i++) {
    gap = Math.max(gap, Math.abs((a.data[i] as number) - (b.data[i] as number)));
    scale = Math.max(scale, Math.abs(b.data[i] as number));
  }
  return scale === 0 ? gap : gap / scale;
};

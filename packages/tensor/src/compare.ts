import { type Matrix, sameShape } from "./matrix.js";

export interface Tolerance {
  /** Relative tolerance (default 1e-5, numpy's). */
  readonly rtol?: number;
  /** Absolute tolerance (default 1e-8, numpy's). */
  readonly atol?: number;
}

/** numpy's `allclose`: same shape and `|a - b| ≤ atol + rtol·|b|` everywhere; NaN never equals. */
export const allClose = (a: Matrix, b: Matrix, { rtol = 1e-5, atol = 1e-8 }: Tolerance = {}): boolean => {
  if (!sameShape(a, b)) return false;
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i] as number;
    const y = b.data[i] as number;
    if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y)) && x !== y) return false;
  }
  return true;
};

/** Exact equality of shape and every element (`===`, so NaN ≠ NaN). */
export const equals = (a: Matrix, b: Matrix): boolean => {
  if (!sameShape(a, b)) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
};

/** Largest |a - b| over all elements (Infinity when shapes differ). */
export const maxAbsDifference = (a: Matrix, b: Matrix): number => {
  if (!sameShape(a, b)) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.data.length; i++)
    worst = Math.max(worst, Math.abs((a.data[i] as number) - (b.data[i] as number)));
  return worst;
};

import * as E from "fp-ts/lib/Either.js";
import type { Backend } from "./backend.js";
import { invalidArgument, raise, type StepwiseError, shapeError } from "./errors.js";
import { jsBackend } from "./js-backend.js";

/**
 * A float64 matrix in row-major order: element (i, j) is `data[i * cols + j]`.
 * Immutable by contract: no Stepwise function writes into a Matrix it did not just allocate.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
  /**
   * The backend that holds `data` and runs every op on this matrix, as a PyTorch tensor's device does
   * (placement.ts). Constructors put a matrix on the js reference backend unless told otherwise;
   * `toBackend` moves it.
   */
  readonly backend: Backend;
}

export type Shape = readonly [rows: number, cols: number];

export const shape = (m: Matrix): Shape => [m.rows, m.cols];

/** `(20, 12288)`, the way numpy prints shapes, so messages read like the course. */
export const formatShape = (m: Matrix | Shape): string =>
  "rows" in m ? `(${m.rows}, ${m.cols})` : `(${m[0]}, ${m[1]})`;

export const sameShape = (a: Matrix, b: Matrix): boolean => a.rows === b.rows && a.cols === b.cols;

const isDimension = (n: number): boolean => Number.isInteger(n) && n >= 0;

const checkDimensions = (fn: string, rows: number, cols: number): E.Either<StepwiseError, void> =>
  isDimension(rows) && isDimension(cols)
    ? E.right(undefined)
    : E.left(invalidArgument(`${fn}: rows and cols must be integers ≥ 0, got (${rows}, ${cols})`));

/**
 * Wraps a buffer as a Matrix on `backend` (default the js reference) without copying or checking. For
 * code that has just allocated `data` and knows its length; everything user-facing goes through the
 * checked constructors.
 */
export const unsafeMatrix = (
  rows: number,
  cols: number,
  data: Float64Array,
  backend: Backend = jsBackend,
): Matrix => ({ rows, cols, data, backend });

/** An all-zero matrix (on `backend`, default js); throws on a negative or fractional dimension (a caller bug). */
export const zeros = (rows: number, cols: number, backend: Backend = jsBackend): Matrix =>
  E.isLeft(checkDimensions("zeros", rows, cols))
    ? raise(invalidArgument(`zeros: rows and cols must be integers ≥ 0, got (${rows}, ${cols})`))
    : unsafeMatrix(rows, cols, new Float64Array(rows * cols), backend);

/** Zeros of `m`'s shape on `m`'s backend: numpy's `np.zeros_like`. */
export const zerosLike = (m: Matrix): Matrix => zeros(m.rows, m.cols, m.backend);

export const full = (rows: number, cols: number, value: number, backend: Backend = jsBackend): Matrix => {
  const m = zeros(rows, cols, backend);
  m.data.fill(value);
  return m;
};

export const ones = (rows: number, cols: number, backend: Backend = jsBackend): Matrix =>
  full(rows, cols, 1, backend);

/** Builds a matrix from `f(i, j)` (on `backend`, default js). */
export const fromFunction = (
  rows: number,
  cols: number,
  f: (i: number, j: number) => number,
  backend: Backend = jsBackend,
): Matrix => {
  const m = zeros(rows, cols, backend);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.data[i * cols + j] = f(i, j);
  return m;
};

export interface ConstructOptions {
  /** Accept NaN and ±Infinity (default false: they are almost always a bug upstream). */
  readonly allowNonFinite?: boolean;
}

const firstNonFinite = (data: ArrayLike<number>): number => {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return i;
  return -1;
};

/** Checked constructor from a flat row-major array. */
export const fromFlat = (
  rows: number,
  cols: number,
  values: ArrayLike<number>,
  options: ConstructOptions = {},
): E.Either<StepwiseError, Matrix> => {
  const dims = checkDimensions("fromFlat", rows, cols);
  if (E.isLeft(dims)) return dims;
  if (values.length !== rows * cols)
    return E.left(
      shapeError(
        `fromFlat: (${rows}, ${cols}) needs ${rows * cols} values, got ${values.length}; pass rows·cols values in row-major order`,
      ),
    );
  const bad = options.allowNonFinite === true ? -1 : firstNonFinite(values);
  if (bad >= 0)
    return E.left(
      stepwiseErrorNonFinite("fromFlat", values[bad] ?? Number.NaN, Math.floor(bad / cols), bad % cols),
    );
  return E.right(unsafeMatrix(rows, cols, Float64Array.from(values)));
};

const stepwiseErrorNonFinite = (
  fn: string,
  value: number,
  i: number,
  j: number,
): StepwiseError<"NonFinite"> => ({
  _tag: "NonFinite",
  message: `${fn}: element (${i}, ${j}) is ${value}; only finite numbers are allowed (pass { allowNonFinite: true } if you mean it)`,
});

/** Checked constructor from nested rows, as numpy prints them: `[[1, 2], [3, 4]]`. */
export const fromArray = (
  nested: ReadonlyArray<ReadonlyArray<number>>,
  options: ConstructOptions = {},
): E.Either<StepwiseError, Matrix> => {
  const rows = nested.length;
  const cols = nested[0]?.length ?? 0;
  const flat: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = nested[i] ?? [];
    if (row.length !== cols)
      return E.left(
        shapeError(
          `fromArray: ragged rows: row 0 has ${cols} values but row ${i} has ${row.length}; every row must have the same length`,
        ),
      );
    for (const v of row) {
      if (typeof v !== "number")
        return E.left(
          invalidArgument(`fromArray: row ${i} holds ${JSON.stringify(v)}, which is not a number`),
        );
      flat.push(v);
    }
  }
  return fromFlat(rows, cols, flat, options);
};

/** A column vector (n, 1), like the course's `b`. */
export const columnVector = (values: ReadonlyArray<number>): E.Either<StepwiseError, Matrix> =>
  fromFlat(values.length, 1, values);

/** A row vector (1, n), like the course's `Y`. */
export const rowVector = (values: ReadonlyArray<number>): E.Either<StepwiseError, Matrix> =>
  fromFlat(1, values.length, values);

/** A 1×1 matrix. */
export const scalarMatrix = (value: number): Matrix => full(1, 1, value);

/** Nested rows, for printing and JSON. */
export const toArray = (m: Matrix): number[][] =>
  Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));

/** Element (i, j); throws when out of range (a caller bug). */
export const get = (m: Matrix, i: number, j: number): number => {
  if (!(i >= 0 && i < m.rows && j >= 0 && j < m.cols))
    raise(shapeError(`get: index (${i}, ${j}) is outside ${formatShape(m)}`));
  return m.data[i * m.cols + j] as number;
};

/** A fresh copy on the same backend, in an ordinary array that the caller owns and may fill. */
export const clone = (m: Matrix): Matrix => unsafeMatrix(m.rows, m.cols, m.data.slice(), m.backend);

/**
 * True when every element is finite. x·0 is ±0 for a finite x and NaN for NaN or ±Infinity, so four
 * running sums of it stay 0 exactly when all are finite: no branch per element, about 3× faster than
 * testing each one (this runs on every parameter at every optimizer step).
 */
export const isAllFinite = (m: Matrix): boolean => {
  const d = m.data;
  const n4 = d.length - (d.length % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n4; i += 4) {
    s0 += (d[i] as number) * 0;
    s1 += (d[i + 1] as number) * 0;
    s2 += (d[i + 2] as number) * 0;
    s3 += (d[i + 3] as number) * 0;
  }
  for (let i = n4; i < d.length; i++) s0 += (d[i] as number) * 0;
  return s0 + s1 + s2 + s3 === 0;
};

/** How `checkFinite` names a matrix and what it tells the caller to do. */
export interface FiniteCheck {
  /** `X`, `parameters["W1"]`: put before the element's position. */
  readonly name?: string;
  /** What to do about it (default: the constructors' `allowNonFinite` hint). */
  readonly fix?: string;
}

/**
 * Checks a matrix for NaN/±Infinity, naming the first bad element: `L_model_forward: X element (3, 17)
 * is NaN; …`. One branch-free pass when all are finite (`isAllFinite`), a second only to find the culprit.
 */
export const checkFinite = (
  fn: string,
  m: Matrix,
  { name, fix }: FiniteCheck = {},
): E.Either<StepwiseError<"NonFinite">, Matrix> => {
  if (isAllFinite(m)) return E.right(m);
  const bad = firstNonFinite(m.data);
  const [i, j] = [Math.floor(bad / m.cols), bad % m.cols];
  return E.left(
    fix === undefined && name === undefined
      ? stepwiseErrorNonFinite(fn, m.data[bad] ?? Number.NaN, i, j)
      : {
          _tag: "NonFinite",
          message: `${fn}: ${name === undefined ? "" : `${name} `}element (${i}, ${j}) is ${m.data[bad]}; ${fix ?? "only finite numbers are allowed"}`,
        },
  );
};

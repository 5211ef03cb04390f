import type { Grads, Parameters } from "@stepwise/core";
import {
  isStepwiseException,
  type Matrix,
  type StepwiseError,
  toArray,
  unsafeMatrix,
} from "@stepwise/tensor";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { expect } from "vitest";

type Nested = ReadonlyArray<ReadonlyArray<number>>;
type Dict = Readonly<Record<string, Matrix>>;

/** A matrix from the nested rows of a fixture (numpy's layout). */
export const matrix = (rows: Nested): Matrix =>
  unsafeMatrix(rows.length, rows[0]?.length ?? 0, Float64Array.from(rows.flat()));

/** A fixture dictionary (`{ W1: [[…]], b1: … }`) as matrices, keeping the fixture's keys in the type. */
export const dict = <K extends string>(nested: Readonly<Record<K, Nested>>): Readonly<Record<K, Matrix>> =>
  Object.fromEntries(Object.entries<Nested>(nested).map(([k, rows]) => [k, matrix(rows)])) as Readonly<
    Record<K, Matrix>
  >;

/** `|actual − expected| ≤ rtol·|expected|` for every element (exact where expected is 0). */
const worstRelative = (a: Matrix, b: Matrix): number => {
  let worst = 0;
  for (let i = 0; i < b.data.length; i++) {
    const x = a.data[i] ?? Number.NaN;
    const y = b.data[i] ?? Number.NaN;
    const err = x === y ? 0 : Math.abs(x - y) / Math.abs(y);
    worst = Number.isNaN(err) ? Number.POSITIVE_INFINITY : Math.max(worst, err);
  }
  return worst;
};

/** Same keys, same shapes, every element within relative `rtol` (default 1e-12). */
export const expectDictClose = (
  actual: Readonly<Partial<Record<string, Matrix>>>,
  expected: Readonly<Partial<Record<string, Matrix>>>,
  rtol = 1e-12,
): void => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, b] of Object.entries(expected)) {
    const a = actual[key];
    if (a === undefined || b === undefined) throw new Error(`missing ${key}`);
    expect([key, a.rows, a.cols]).toEqual([key, b.rows, b.cols]);
    expect(worstRelative(a, b), key).toBeLessThanOrEqual(rtol);
  }
};

/** Agreement with the notebook's printout (8 decimals): within half a unit of the last printed digit. */
export const expectPrinted = <K extends string>(
  d: Readonly<Partial<Record<K, Matrix>>>,
  key: K,
  printed: Nested,
): void => {
  const actual = d[key];
  if (actual === undefined) throw new Error(`missing ${key}`);
  const a = toArray(actual);
  expect(a.length).toBe(printed.length);
  const worst = Math.max(
    ...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - (printed[i]?.[j] ?? Number.NaN)))),
  );
  expect(worst).toBeLessThanOrEqual(5e-9);
};

/** Exact equality of two dictionaries (`===` per element, so +0 and −0 agree). */
export const dictEquals = (
  a: Readonly<Partial<Record<string, Matrix>>>,
  b: Readonly<Partial<Record<string, Matrix>>>,
): boolean => {
  const keys = Object.keys(a).sort();
  if (keys.join() !== Object.keys(b).sort().join()) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    return (
      x !== undefined &&
      y !== undefined &&
      x.rows === y.rows &&
      x.cols === y.cols &&
      x.data.every((v, i) => v === y.data[i])
    );
  });
};

/** A deep copy of the numbers, to show later that nothing wrote into the inputs. */
export const snapshot = (d: Readonly<Partial<Record<string, Matrix>>>): unknown =>
  Object.entries(d).map(([k, m]) => [k, m?.rows, m?.cols, Array.from(m?.data ?? [])]);

/**
 * The StepwiseError a call gives: the Left it returns (a checked entry point) or the one it throws (a
 * building block). Fails the test when it gives something else or nothing.
 */
export const thrown = (f: () => unknown): StepwiseError => {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (isStepwiseException(e)) return e.error;
    throw e;
  }
  if (typeof result === "object" && result !== null && E.isLeft(result as E.Either<StepwiseError, unknown>))
    return (result as E.Left<StepwiseError>).left;
  throw new Error("expected a StepwiseError, none was returned or thrown");
};

// ---- fast-check arbitraries -------------------------------------------------------------------

const value = fc.double({ min: -10, max: 10, noNaN: true });

const matrixArb = (rows: number, cols: number): fc.Arbitrary<Matrix> =>
  fc
    .array(value, { minLength: rows * cols, maxLength: rows * cols })
    .map((xs) => unsafeMatrix(rows, cols, Float64Array.from(xs)));

const layers = (
  dims: ReadonlyArray<number>,
): ReadonlyArray<readonly [l: number, rows: number, cols: number]> =>
  dims.slice(1).map((n, i) => [i + 1, n, dims[i] ?? 1] as const);

const dictArb = (dims: ReadonlyArray<number>, prefix: "" | "d"): fc.Arbitrary<Dict> =>
  fc
    .tuple(
      ...layers(dims).map(([l, rows, cols]) =>
        fc.tuple(matrixArb(rows, cols), matrixArb(rows, 1)).map(([W, b]) => [
          [`${prefix}W${l}`, W],
          [`${prefix}b${l}`, b],
        ]),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs.flat()));

export interface Problem {
  readonly parameters: Parameters;
  /** Gradients for several steps, each shaped like the parameters. */
  readonly grads: ReadonlyArray<Grads>;
}

/** A small network (1–3 layers of 1–4 units) and 1–5 steps of gradients for it. */
export const problem: fc.Arbitrary<Problem> = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 })
  .chain((dims) =>
    fc.record({
      parameters: dictArb(dims, ""),
      grads: fc.array(dictArb(dims, "d"), { minLength: 1, maxLength: 5 }),
    }),
  );

/** The first gradients of a problem (there is always at least one step). */
export const firstGrads = (p: Problem): Grads => p.grads[0] ?? {};

/** `xs[i]`, failing the test when it is missing. */
export const nth = <T>(xs: ReadonlyArray<T>, i: number): T => {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
};
